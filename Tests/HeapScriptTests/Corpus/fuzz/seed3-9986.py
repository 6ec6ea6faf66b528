import gc
class C0:
    def link(self, other):
        self.other = other
        other.other = self

del C0
v1 = [[] for i in range(38)]
class C1:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C1')

gc.collect()
