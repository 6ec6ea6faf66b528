import sys
class A:
    def m(self, v):
        return v

a = A()
a.missing(print('argument evaluated'))
sys.missing(print('argument evaluated'))
[].nope(print('argument evaluated'))
a.missing(1, undefined_name)
a.m(undefined_name)
sys.getrefcount(a)
a.missing(sys.getrefcount(a))
a.m(sys.getrefcount(a))
sys.getrefcount(a)
a.m = print
a.m(print('argument evaluated'))
a.m(sys.getrefcount(a))
del a.m
a.m(sys.getrefcount(a))
print('end')
