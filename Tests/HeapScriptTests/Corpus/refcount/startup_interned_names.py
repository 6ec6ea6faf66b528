import sys
x = 'zqxvwk_unique'
sys.getrefcount(x)
y = 'hello'
sys.getrefcount(y)
s = 'bound'
t = 'bo' + 'und'
u = sys.intern(t)
u is s, t is s
len(s), sys.getsizeof(s)
sys.getrefcount(s)
