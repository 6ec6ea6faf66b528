import sys, gc, reprlib
x = [1, 2, 3] * 10
sys.getrefcount(x)
reprlib.repr(x)
sys.getrefcount(x)
gc.collect()
reprlib.repr({i: [i] for i in range(10)})
y = set([3, 'a', 1.5])
reprlib.repr(y)
sys.getrefcount(y)
s = 'abc' * 50
sys.getrefcount(s)
reprlib.repr(s)
sys.getrefcount(s)
gc.collect()
