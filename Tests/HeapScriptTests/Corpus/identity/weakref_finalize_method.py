import weakref, sys, gc
class Resource:
    def __init__(self, name):
        self.name = name
    def close(self, *extra):
        print('close', self.name, extra, sys.getrefcount(self))
        return self.name

r = Resource('r')
sys.getrefcount(r)
f = weakref.finalize(r, r.close)
sys.getrefcount(r), f.alive
del r
gc.collect()
f.alive
f()
f.alive
f()
s = Resource('s')
g = weakref.finalize(s, s.close, 1, [2])
g()
t = Resource('t')
h = weakref.finalize(t, t.close, 1, 2, 3, 4)
h()
u = Resource('u')
k = weakref.finalize(u, u.close)
del u
print('end')
