import sys
one = 1
sys.getrefcount(one)
x = [7] * 10
sys.getrefcount(x[0])
del x
seven = 7
sys.getrefcount(seven)
t = True
sys.getrefcount(t)
sys.getrefcount(Ellipsis), sys.getrefcount(NotImplemented)
e = ""
sys.getrefcount(e)
z = 256
sys.getrefcount(z)
