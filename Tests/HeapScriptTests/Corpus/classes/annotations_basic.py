import sys, gc
def f(x: int, y: str = "a", *args: float, z: bytes = b"", **kw: list) -> int:
    return x

print(f(1))
print(f.__annotations__)
print(f.__annotations__ is f.__annotations__, sys.getsizeof(f.__annotations__))
def g(a, b=2): pass

print(g.__annotations__)
def h(a: "int", b: "str") -> None: pass

print(h.__annotations__)
z: int = 3
w: str
print(z, __annotations__)
class A:
    "doc"
    x: int = 1
    y: str
    def m(self) -> "A":
        self.q: int = 5
        r: float = 1.5
        return r

print(A.x, A.__annotations__)
print(A().m())
class B:
    pass

o = B()
o.a: int = 1
o.b: int
d = {}
d["k"]: str = "v"
d["j"]: int
print(o.a, d)
(p): int = 5
print(p, __annotations__)
def inner():
    t: int
    try:
        print(t)
    except NameError as e:
        print(type(e).__name__, e)

inner()
gc.collect()
class C:
    a: int

print(gc.collect(), sys.getrefcount(C.__annotations__))
print(C.__annotations__, sys.getsizeof(C.__annotations__))
class Empty: pass

try:
    print(Empty.__annotations__)
except AttributeError as e:
    print(e)

class Sub(A): pass

print(Sub.__annotations__)
