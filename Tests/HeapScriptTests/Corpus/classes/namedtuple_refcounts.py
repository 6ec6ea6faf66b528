import sys
from collections import namedtuple
Pair = namedtuple('Pair', 'left right')
a = [1]; b = [2]
sys.getrefcount(a), sys.getrefcount(b)
p = Pair(a, b)
sys.getrefcount(a), sys.getrefcount(b), sys.getrefcount(p)
q = Pair(left=a, right=a)
sys.getrefcount(a)
r = q._replace(right=b)
sys.getrefcount(a), sys.getrefcount(b)
s = Pair._make([a, b])
sys.getrefcount(a), sys.getrefcount(b)
p.left is a, r.right is b
v = p.left
sys.getrefcount(a)
del p, q, r, s, v
sys.getrefcount(a), sys.getrefcount(b)
t = Pair(a, b)
left, right = t
sys.getrefcount(a), sys.getrefcount(t)
del t, left, right
sys.getrefcount(a), sys.getrefcount(b)
