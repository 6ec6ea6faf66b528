import sys, gc
words = ['pear', 'fig', 'banana', 'kiwi', 'apple']
max(words, key=len), min(words, key=len), max(3, 1, 2), min([], default='none')
max(words, key=lambda w: w[-1]), min(5, 2, 8, key=lambda v: -v)
max(1, 2, default=0)
min([])
sorted(words, key=len), sorted(words, key=len, reverse=True)
d = {'a': 3, 'b': 1, 'c': 2}
sorted(d.items(), key=lambda kv: kv[1]), sorted(d, key=d.get)
l = [5, 3, 9, 1]
l.sort(key=lambda v: -v)
l, sys.getsizeof(l)
seen = []
def k(v):
    seen.append(len(l2))
    return v % 3

l2 = [4, 5, 6, 7, 8]
l2.sort(key=k)
l2, seen
sorted([3, 1, 2], key=None)
max([1, 2], key=None)
sorted([1, 'a'], key=lambda v: v)
def bad(v):
    raise KeyError(v)

sorted([1, 2], key=bad)
x = [1000, 2000]
sys.getrefcount(x[1])
y = max(x, key=lambda v: v)
sys.getrefcount(x[1]), y
del y
_ = gc.collect(); r = sorted(range(10), key=lambda v: [v]); c = gc.get_count()
c
