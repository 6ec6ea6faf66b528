import sys
two = 2
sys.getrefcount(two)
x = [7] * 10
sys.getrefcount(x[0])
del x
seven = 7
sys.getrefcount(seven)
sys.getrefcount(Ellipsis), sys.getrefcount(NotImplemented)
e = ""
sys.getrefcount(e)
z = 256
sys.getrefcount(z)
