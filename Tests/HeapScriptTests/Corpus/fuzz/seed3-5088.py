import gc
v2 = []
sys.getrefcount(v2)
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C0')
    def link(self, other):
        self.other = other
        other.other = self

C0 = v2
v8 = [[] for i in range(38)]
v9 = {'k': v8}
gc.collect()
