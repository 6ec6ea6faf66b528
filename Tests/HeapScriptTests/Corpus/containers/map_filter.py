import sys, gc
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

m = map(str, [1, 2, 3])
sys.getsizeof(m), gc.is_tracked(m), type(m).__name__
f = filter(None, [0, 1, 2, '', 'a'])
sys.getsizeof(f), gc.is_tracked(f), type(f).__name__
list(m), list(f), list(m)
list(map(lambda x, y: x + y, [1, 2, 3], [10, 20]))
list(filter(lambda x: x % 2, range(10)))
show(lambda: map())
show(lambda: map(str))
show(lambda: map(str, 1))
show(lambda: map(str, [1], 2))
show(lambda: filter())
show(lambda: filter(None))
show(lambda: filter(None, 1))
show(lambda: filter(None, [1], 2))
show(lambda: map(str, [1], x=1))
show(lambda: filter(None, [1], x=1))
show(lambda: list(map(1, [1])))
show(lambda: list(filter(1, [1])))
sys.getsizeof(list(map(str, range(3)))), sys.getsizeof(list(filter(None, range(20))))
x = [1, 2]
it = map(len, [x, x])
sys.getrefcount(x)
n = next(it)
it = None
sys.getrefcount(x)
sum(map(int, ['1', '2', '3'])), sorted(filter(bool, [3, 0, 1])), tuple(map(abs, [-1, -2]))
l = []
m = map(len, [l])
l.append(m)
del l, m
gc.collect()
