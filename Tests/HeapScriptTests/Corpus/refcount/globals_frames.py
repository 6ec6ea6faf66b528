import sys
sys.getrefcount(globals())
def f():
    return sys.getrefcount(globals())

f()
def g():
    1/0

g()
sys.getrefcount(globals())
