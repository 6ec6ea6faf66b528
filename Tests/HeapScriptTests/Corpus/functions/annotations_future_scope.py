from __future__ import annotations
import sys
sys.x: undefined_name = 1
(y): undefined2 = 2
print("after")
class C:
    z: Undef3
    w: "q"
    def m(self, a: X) -> Y: pass

C.__annotations__, C.m.__annotations__
def outer():
    T = 1
    def inner(x: T) -> T: pass
    class D:
        y: T
    return inner, D

inner, D = outer()
inner.__annotations__, D.__annotations__
def o2():
    T = 1
    U: T = 2
    return U

o2()
