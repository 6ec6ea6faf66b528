import ctypes
import sys
def ref_count(address):
    return ctypes.c_long.from_address(address).value

a = [1, 2, 3]
ref_count(id(a))
b = a
ref_count(id(a))
print(ref_count(id(a)), sys.getrefcount(a))
c = a
ref_count(id(a))
c = 10
ref_count(id(a))
b = None
ref_count(id(a))
ob = ctypes.c_long.from_address(id(a))
ob.value
d = a
ob.value
ob
del d
print(ob.value, ob, str(ob), bool(ob))
ctypes.c_int.from_address(id(a)).value
ctypes.c_ssize_t is ctypes.c_long, ctypes.c_int64 is ctypes.c_long, ctypes.c_int32 is ctypes.c_int
type(ob)
id(a) == id(a), id(a) != id(a), id(a) == id(ob), id(a) != id(ob)
x = id(a)
y = id(a)
x == y, x is y, type(x)
class C:
    pass

o = C()
r = ctypes.c_longlong.from_address(id(o))
o2 = o
r.value, sys.getrefcount(o)
lst = [o, o]
r.value
del lst
r.value
