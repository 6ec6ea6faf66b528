import sys, gc
class D:
    __slots__ = ("x", "__dict__")

class W:
    __slots__ = ("x", "__weakref__")

d = D()
d.x = 1; d.y = 2
d.x, d.y, d.__dict__
sys.getsizeof(d), sys.getsizeof(d.__dict__)
gc.get_referents(d)[0]
class WSub(W):
    pass

ws = WSub()
ws.x = 1; ws.z = 2
ws.z, sys.getsizeof(ws), ws.__dict__
sys.getsizeof(D), sys.getsizeof(WSub)
del W, WSub, ws
gc.collect()
del D, d
gc.collect()
class OnlyDict:
    __slots__ = "__dict__"

del OnlyDict
gc.collect()
class OnlyWeak:
    __slots__ = "__weakref__"

del OnlyWeak
gc.collect()
'done'
