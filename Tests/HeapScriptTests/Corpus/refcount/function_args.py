import sys
x = []
def f(arg):
    return sys.getrefcount(arg)

f(x)
def g(arg):
    y = arg
    return sys.getrefcount(arg)

g(x)
def h(a, b):
    return sys.getrefcount(a)

h(x, x)
def outer(arg):
    return f(arg)

outer(x)
sys.getrefcount(x)
def keep(arg):
    global kept
    kept = arg

keep(x)
sys.getrefcount(x)
