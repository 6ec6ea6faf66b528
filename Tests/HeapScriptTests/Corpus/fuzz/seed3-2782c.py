import gc
class C0:
    def link(self, other):
        self.other = other
        other.other = self

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
    def __del__(self):
        print('del C2')

class C3:
    pass

v3.other = v3
C3 = [[] for i in range(20)]
gc.collect()
