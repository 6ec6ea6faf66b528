import gc
class C0:
    pass

del C0
gc.collect()
