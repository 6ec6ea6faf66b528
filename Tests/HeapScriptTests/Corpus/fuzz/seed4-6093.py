import gc
v1 = [[] for i in range(37)]
class C0:
    pass

v3 = f2(v1)
class C1:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C1')

del C1
gc.collect()
