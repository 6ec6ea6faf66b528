import sys, gc
def inner(n):
    for i in range(n):
        yield i * 10
    return 'done'

def outer(n):
    r = yield from inner(n)
    yield r
    yield from [7, 8]
    yield from 'ab'

list(outer(3))
g = outer(2)
next(g)
sys.getsizeof(g)
next(g)
next(g)
next(g)
next(g)
next(g)
next(g, 'end')
def flatten(x):
    for item in x:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item

list(flatten([1, [2, [3, [4]], 5], [[6]]]))
big = [1000 + i for i in range(3)]
it = flatten([big, [big]])
next(it)
sys.getrefcount(big)
next(it), next(it), next(it)
sys.getrefcount(big)
list(it)
sys.getrefcount(big)
del it
sys.getrefcount(big)
def echo():
    x = yield 1
    while x is not None:
        x = yield x * 2
    return 'echo done'

def wrap():
    result = yield from echo()
    yield result

w = wrap()
next(w)
w.send(5)
w.send(6)
w.send(None)
def bad():
    yield from 5

next(bad())
def raising():
    yield 1
    1 / 0

def deleg():
    yield from raising()

d = deleg()
next(d)
next(d)
next(d, 'exhausted')
gc.collect()
def gen_of_gen():
    yield from (x * x for x in range(4))

list(gen_of_gen())
sys.getsizeof(gen_of_gen())
class Box:
    pass

def holder(b):
    yield from inner(3)

b = Box()
h = holder(b)
next(h)
sys.getrefcount(b)
del h
sys.getrefcount(b)
b.g = holder(b)
next(b.g)
del b
gc.collect()
def deep():
    yield from holder(Box())

dd = deep()
next(dd)
dd.close()
next(dd, 'closed')
