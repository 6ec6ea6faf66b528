import gc, sys
L = [1, 2, 3]
_ = gc.collect(); g = (x for x in L); gc.get_count()
sys.getsizeof(g), sys.getrefcount(L), gc.is_tracked(g)
next(g), sys.getrefcount(L)
list(g), sys.getrefcount(L), list(g)
def gen(n):
    for i in range(n):
        yield i * i

_ = gc.collect(); h = gen(3); gc.get_count()
_ = gc.collect(); h2 = gen(4); gc.get_count()
sys.getsizeof(h), next(h), next(h), next(h), next(h, 'end')
type(h).__name__, h.__name__, h.__qualname__
sum(x * x for x in range(1000)), any(x > 5 for x in L), all(x < 3 for x in L)
it = (x for x in L); any(x > 1 for x in it), list(it)
class Node:
    pass

def pair():
    a = [1]
    b = yield a
    yield b

p = pair(); first = next(p); sys.getrefcount(first); p.send('x'); sys.getrefcount(first)
del p; sys.getrefcount(first)
q = pair(); next(q); q.close(); next(q, 'closed')
_ = gc.collect(); r = [gen(2) for _ in range(3)]; gc.get_count()
def outer():
    return (i for i in range(3))

repr(outer()).split(" at ")[0]
sys.getsizeof(outer())
