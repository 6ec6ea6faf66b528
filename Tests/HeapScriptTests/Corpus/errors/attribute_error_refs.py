import sys
v = object()
v.zz
sys.getrefcount(v)
w = object()
w.b = 1
sys.getrefcount(w)
sys.getrefcount(v)
class C:
    pass

C.missing
sys.getrefcount(C)
c = C()
c.nope
sys.getrefcount(c)
del c.nope
sys.getrefcount(c)
x = [1]
x.foo
sys.getrefcount(x)
x.append(2)
sys.getrefcount(x)
o = object()
del o.a
sys.getrefcount(o)
