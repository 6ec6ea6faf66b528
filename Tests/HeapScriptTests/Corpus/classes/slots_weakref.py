import sys, weakref
class W:
    __slots__ = ("x", "__weakref__")

class DW:
    __slots__ = ("__dict__", "__weakref__")

class OnlyDict:
    __slots__ = "__dict__"

w = W()
w.x = 1
r = weakref.ref(w)
r() is w, weakref.getweakrefcount(w)
sys.getsizeof(w)
try:
    w.y = 2
except AttributeError as e:
    print(e)

try:
    w.__dict__
except AttributeError as e:
    print(e)

del w
r() is None
dw = DW()
dw.a = 1
dw.a, sys.getsizeof(dw), weakref.ref(dw)() is dw
o = OnlyDict()
o.q = 5
o.q, sys.getsizeof(o), o.__dict__
try:
    weakref.ref(o)
except TypeError as e:
    print(e)

sys.getsizeof(W), sys.getsizeof(DW), sys.getsizeof(OnlyDict)
try:
    class Bad:
        __slots__ = ("__dict__", "__dict__")
except TypeError as e:
    print(e)

try:
    class Bad2:
        __slots__ = ("__weakref__", "__weakref__")
except TypeError as e:
    print(e)

class P:
    pass

try:
    class Bad3(P):
        __slots__ = ("__dict__",)
except TypeError as e:
    print(e)

try:
    class Bad4(P):
        __slots__ = ("__weakref__",)
except TypeError as e:
    print(e)

'done'
