import sys
seven = 7
empty = ''
sys.getrefcount(Ellipsis) == 4294967295
sys.getrefcount(seven) == 4294967295
sys.getrefcount(empty) == 4294967295
x = 7
y = x
sys.getrefcount(x) == sys.getrefcount(seven)
s = 'zqxw'
sys.getrefcount(s)
t = s
sys.getrefcount(s)
sys.getrefcount('zqxw')
u = sys.intern('not an identifier!')
sys.getrefcount(u)
w = 'hello world'
sys.getrefcount(w)
big = 123456789
sys.getrefcount(big)
f = 1.5
sys.getrefcount(f)
def name_like():
    return 'abc_123'

r = name_like()
sys.getrefcount(r)
class K:
    pass

k = K()
sys.getrefcount(k)
sys.getrefcount(K) > 1000
del x, y, t
sys.getrefcount(s)
