import sys
x = []
sys.getrefcount(x)
y = x
sys.getrefcount(x)
z = x
sys.getrefcount(x)
del y
sys.getrefcount(x)
del z
sys.getrefcount(x)
s = 'heap' * 50
sys.getrefcount(s)
t = s
sys.getrefcount(s)
