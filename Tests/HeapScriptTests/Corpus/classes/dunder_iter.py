import sys, gc
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class Count:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        print('iter refs', sys.getrefcount(self))
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i

c = Count(3)
for x in c:
    print(x, sys.getrefcount(c))

sys.getrefcount(c)
list(Count(4))
sys.getsizeof(list(Count(4))), sys.getsizeof(list(Count(9)))
sorted(Count(3)), sum(Count(4)), min(Count(3)), max(Count(3))
tuple(Count(2)), set(Count(3)), ''.join(str(v) for v in Count(3))
a, b = Count(2)
a, b
first, *rest = Count(5)
first, rest, sys.getsizeof(rest)
list(enumerate(Count(2))), list(map(str, Count(2))), list(filter(None, Count(2)))
it = iter(Count(2))
next(it), next(it), next(it, 'done')
show(lambda: next(it))
show(lambda: list(Count(2)))
class Gen:
    def __iter__(self):
        yield 1
        yield 2

list(Gen()), [v * 10 for v in Gen()]
g = iter(Gen())
type(g).__name__, next(g)
class Bad:
    def __iter__(self):
        return [1]

show(lambda: iter(Bad()))
class Bad2:
    def __iter__(self):
        return Count

show(lambda: list(Bad2()))
class NotIt:
    pass

show(lambda: next(NotIt()))
show(lambda: iter(NotIt()))
class S2:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration('custom')

list(S2())
show(lambda: next(S2()))
next(S2(), 7)
class Raises:
    def __iter__(self):
        return self
    def __next__(self):
        raise KeyError('nope')

show(lambda: list(Raises()))
show(lambda: next(Raises(), 1))
def loop():
    out = []
    for v in Count(3):
        out.append(v)
    return out

loop()
_ = gc.collect()
k = Count(1)
k.me = k
del k
gc.collect()
sys.getrefcount(c), sys.getrefcount(it)
