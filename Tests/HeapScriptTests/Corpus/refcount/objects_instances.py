import sys
class C:
    pass

c = C()
sys.getrefcount(c)
d = c
sys.getrefcount(c)
c.self_ref = c
sys.getrefcount(c)
del c.self_ref
sys.getrefcount(c)
lst = [c]
sys.getrefcount(c)
o = object()
sys.getrefcount(o)
pair = (o, o)
sys.getrefcount(o)
def f():
    pass

sys.getrefcount(f)
g = f
sys.getrefcount(f)
