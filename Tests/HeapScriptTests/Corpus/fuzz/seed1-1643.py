import gc
v1 = object()
class C0:
    pass

C0 = v1
gc.collect()
