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
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C2')
    def link(self, other):
        self.other = other
        other.other = self

C2 = C0
v2.clear()
gc.collect()
