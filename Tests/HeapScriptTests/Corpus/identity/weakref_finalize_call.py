import weakref, sys
class C:
    pass

def cb(*args):
    print('cb', args, sys.getrefcount(args[0]))
    return 42

c = C()
x = [1, 2]
sys.getrefcount(x)
f = weakref.finalize(c, cb, x, 'a')
sys.getrefcount(x), sys.getrefcount(c), sys.getrefcount(f), sys.getrefcount(cb)
p = f.peek()
p[0] is c, p[1] is cb, p[2][0] is x, p[3]
del p
f.alive
f()
f.alive
f()
f.peek(), f.detach()
sys.getrefcount(x), sys.getrefcount(cb)
g = weakref.finalize(c, cb, 'second')
d = g.detach()
d[0] is c, d[2], d[3]
g.alive
g.detach()
del d
h = weakref.finalize(c, cb, [3])
del c
h.alive
weakref.finalize(C(), print, 'temporary').alive
