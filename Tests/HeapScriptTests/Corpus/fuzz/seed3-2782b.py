import gc
class C1:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C1')
    def link(self, other):
        self.other = other
        other.other = self

class C2:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C2')

del v1
class C3:
    def __init__(self, v):
        self.v = v
        self.other = None

C3 = [[] for i in range(20)]
v6 = C0
gc.collect()
