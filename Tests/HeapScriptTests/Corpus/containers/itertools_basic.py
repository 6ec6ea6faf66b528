import sys
import itertools
c = itertools.count(5)
c
next(c), next(c)
c
itertools.count(1, 2), itertools.count()
r = itertools.repeat('a', 3)
r
list(r), r
x = object()
sys.getrefcount(x)
rp = itertools.repeat(x, 2)
sys.getrefcount(x)
cy = itertools.cycle([x, 1])
sys.getrefcount(x)
next(cy) is x
sys.getrefcount(x)
list(itertools.islice(cy, 5)) == [1, x, 1, x, 1]
list(itertools.islice('abcdefg', 2, 6, 2)), list(itertools.islice(range(10), 3))
list(itertools.chain([1, 2], (3,), 'ab', range(2)))
[sys.getsizeof(o) for o in (c, r, cy, itertools.chain(), itertools.islice([], 1))]
list(zip(itertools.count(), 'abc'))
sys.getsizeof(list(itertools.repeat(None, 4)))
sys.getsizeof(list(itertools.islice(range(100), 3)))
del rp, cy
sys.getrefcount(x)
itertools.islice([], -1)
itertools.islice([], -5)
itertools.islice([], 1, 2, 0)
itertools.islice([])
itertools.cycle()
itertools.repeat()
next(itertools.chain([1], 2, [3]))
ch = itertools.chain([1], 2, [3])
next(ch)
next(ch)
list(ch)
