import sys
def f(obj):
    local = obj
    try:
        1 / 0
    except ZeroDivisionError as e:
        return e

o = []
sys.getrefcount(o)
err = f(o)
sys.getrefcount(o)
del err
sys.getrefcount(o)
def g(obj):
    try:
        {}[len(obj)]
    except KeyError as e:
        pass
    return obj

g(o) is o
sys.getrefcount(o)
def inner(x):
    y = x
    raise ValueError(x)

def outer(x):
    try:
        inner(x)
    except ValueError as e:
        return e

err = outer(o)
sys.getrefcount(o)
del err
sys.getrefcount(o)
