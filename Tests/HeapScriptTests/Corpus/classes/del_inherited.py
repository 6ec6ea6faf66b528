class A:
    def __del__(self): print("del", type(self).__name__)

class B(A):
    pass

b = B()
del b
import gc
x = B(); x.me = x
del x
gc.collect()
