import sys
class P:
    pass

p = P()
p.zqname = 1
k = list(vars(p))[0]
k
sys.getrefcount(k)
s = 'zq' + 'other'
t = sys.intern(s)
sys.getrefcount(t)
sys.getrefcount(k)
