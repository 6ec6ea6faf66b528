import ctypes
import gc
import sys
def ref_count(address):
    return ctypes.c_long.from_address(address).value

class A:
    def __init__(self):
        self.b = B(self)

class B:
    def __init__(self, a):
        self.a = a

gc.disable()
my_var = A()
a_id = id(my_var)
b_id = id(my_var.b)
ref_count(a_id), ref_count(b_id)
sys.getrefcount(my_var), sys.getrefcount(my_var.b)
my_var = None
ref_count(a_id), ref_count(b_id)
ref_count(a_id)
gc.enable()
