import gc
v3 = [[] for i in range(31)]
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C0')

sys.getsizeof(v2)
class C1:
    def __init__(self, v):
        self.v = v
        self.other = None

del C0
gc.collect()
