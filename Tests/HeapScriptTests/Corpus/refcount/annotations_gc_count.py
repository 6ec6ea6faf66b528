import sys, gc
class T:
    pass

gc.collect()
print(gc.get_count())
def f(a: T, b: T = None) -> T:
    return a

print(gc.get_count(), sys.getrefcount(T))
ann = f.__annotations__
print(gc.get_count(), sys.getrefcount(T), len(ann))
del ann
def g(x: "a", y: "b") -> "c":
    pass

print(gc.get_count(), g.__annotations__)
print(g.__annotations__ is g.__annotations__)
class K:
    a: int
    b: T = T()
    def __init__(self):
        self.c: int = 1

print(gc.get_count(), sys.getrefcount(K.b), K().c)
k: K = K()
print(gc.get_count(), __annotations__['k'] is K)
del __annotations__
z: int = 1
print(sorted(__annotations__))
def noann(): pass

print(noann.__annotations__, gc.get_count())
