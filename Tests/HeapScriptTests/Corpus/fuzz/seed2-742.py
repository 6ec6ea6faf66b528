import gc
class C0:
    pass

class C1:
    pass

C0 = C1
gc.collect()
