import gc
v1 = [[] for i in range(39)]
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C0')

sys.getsizeof(v2)
v5 = {i % 7 for i in range(29)}
del C0
gc.collect()
