import weakref
class A:
    pass

a = A()
b = A()
r1 = weakref.ref(a)
r2 = weakref.ref(a)
r3 = weakref.ref(b)
r1 == r2
r1 is r2
r1 == r3
r1 != r3
r1 == a
hash(r1) == hash(a)
del a
r1() is None
r1 == r2
r1 == r1
r1 != r2
