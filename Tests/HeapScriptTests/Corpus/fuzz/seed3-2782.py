import gc
class C0:
    def link(self, other):
        self.other = other
        other.other = self

t2 = v1.pop()
class C1:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C1')
    def link(self, other):
        self.other = other
        other.other = self

class C3:
    def __init__(self, v):
        self.v = v
        self.other = None

del C1
gc.collect()
