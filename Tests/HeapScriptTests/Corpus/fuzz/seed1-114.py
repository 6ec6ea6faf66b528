import gc
v1 = [[] for i in range(20)]
sys.getsizeof(f3)
class C1:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C1')

C1 = [[] for i in range(30)]
gc.collect()
