import sys, gc
def outer():
    x = [1, 2]
    def inner():
        return x
    return inner

f = outer()
type(f.__closure__[0]).__name__
len(f.__closure__)
sys.getsizeof(f.__closure__[0])
f.__closure__[0].cell_contents
sys.getrefcount(f.__closure__[0].cell_contents)
sys.getrefcount(f.__closure__[0])
f() is f.__closure__[0].cell_contents
outer.__closure__ is None
def counter():
    n = 0
    def bump():
        nonlocal n
        n += 1
        return n
    return bump

c = counter()
c()
c()
c.__closure__[0].cell_contents
def adder(k):
    return lambda v: v + k

add3 = adder(3)
add3(4)
add3.__name__
add3.__qualname__
add3.__closure__[0].cell_contents
def cyc():
    def g():
        return g
    return g

gc.collect()
g = cyc()
g() is g
del g
gc.collect()
def two(a, b):
    def h():
        return a, b
    return h

two(1, 2)()
len(two(1, 2).__closure__)
def nested():
    y = 5
    def mid():
        def leaf():
            return y
        return leaf
    return mid()()

nested()
def shared():
    items = []
    def add(v):
        items.append(v)
        return len(items)
    def get():
        return items
    return add, get

add, get = shared()
add.__closure__[0] is get.__closure__[0]
sys.getrefcount(add.__closure__[0])
add(5)
add(6)
get()
sys.getrefcount(get())
del add
sys.getrefcount(get.__closure__[0])
def rebinding():
    v = 1
    def read():
        return v
    v = 2
    return read

rebinding()()
def deleter():
    w = 'x'
    def read():
        return w
    del w
    return read

type(deleter().__closure__[0]).__name__
