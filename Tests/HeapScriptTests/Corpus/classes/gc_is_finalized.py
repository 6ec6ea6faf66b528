import gc
# PEP 442's flag: set once a finalizer ran, from dealloc or from a collection.
class A:
    def __del__(self):
        global saved
        saved = self

a = A()
gc.is_finalized(a)
del a
gc.is_finalized(saved)
b = A()
b.me = b
del b
gc.collect()
gc.is_finalized(saved)
class P:
    pass

gc.is_finalized(P()), gc.is_finalized(1), gc.is_finalized([])
len(gc.get_objects())
