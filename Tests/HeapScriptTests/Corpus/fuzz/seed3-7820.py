import gc
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None
    def link(self, other):
        self.other = other
        other.other = self

del C0
class C1:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C1')
    def link(self, other):
        self.other = other
        other.other = self

v1.append(v1)
class C4:
    def __del__(self):
        print('del C4')

gc.collect()
