import gc, sys
a = [10, 20, 30]; t = (1, 2); s = 'ab'
sys.getsizeof(enumerate(a)), sys.getsizeof(zip()), sys.getsizeof(reversed(t)), sys.getsizeof(reversed(a))
type(reversed(a)).__name__, type(reversed(s)).__name__, type(reversed(range(3))).__name__
_ = gc.collect(); z = zip(a, t); gc.get_count()[0]
_ = gc.collect(); e = enumerate(a); gc.get_count()[0]
_ = gc.collect(); r = reversed(a); gc.get_count()[0]
_ = gc.collect(); r2 = reversed(t); gc.get_count()[0]
_ = gc.collect(); r3 = reversed(range(5)); gc.get_count()[0]
list(e), list(z), list(r), list(r2), list(r3), list(reversed(s))
# enumerate and zip reuse their result tuple while nobody else holds it.
e = enumerate('xyz'); ids = [id(p) for p in e]; ids[0] == ids[1] == ids[2]
e = enumerate('xyz'); p = next(e); q = next(e); p is q, p, q
z = zip('ab', [1, 2]); p = next(z); sys.getrefcount(p); q = next(z); p is q
x = [1, 2]; sys.getrefcount(x); r = reversed(x); sys.getrefcount(x); list(r); sys.getrefcount(x)
z = zip([1, 2, 3], 'ab'); list(z); next(z, 'done')
list(enumerate([5, 6], 10)), [i for i, c in enumerate('hello') if c == 'l']
d = {}
for i, (k, v) in enumerate(zip('abc', range(3))): d[k] = (i, v)

d
_ = gc.collect(); it = iter(zip([[]], [()])); del it; gc.collect()
