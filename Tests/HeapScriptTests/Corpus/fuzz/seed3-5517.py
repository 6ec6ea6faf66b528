import gc
class C0:
    pass

v1 = [[] for i in range(37)]
del C0
sys.getsizeof(v4)
class C1:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C1')

gc.collect()
