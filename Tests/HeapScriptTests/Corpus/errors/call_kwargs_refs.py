import sys
x = []
def g(a, b=0):
    pass

sys.getrefcount(x)
g(x, b=undefined)
sys.getrefcount(x)
g(x, x, b=undefined)
sys.getrefcount(x)
print(x, sep=undefined)
sys.getrefcount(x)
y = [x]
y.count(x, undefined=undefined)
sys.getrefcount(x)
class A:
    def m(self, a, b=0):
        pass

a = A()
sys.getrefcount(a)
a.m(x, b=undefined)
sys.getrefcount(a)
sys.getrefcount(x)
