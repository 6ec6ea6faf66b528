import sys
class A: pass

a = A()
sys.getrefcount(a)
[a.b for x in [a]]
sys.getrefcount(a)
b = A()
[1/0 for y in [b] for z in [b]]
sys.getrefcount(b)
{k: k.c for k in (b,)}
sys.getrefcount(b)
1
sys.getrefcount(b)
