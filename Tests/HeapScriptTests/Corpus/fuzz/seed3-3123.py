import gc
v4.update({i: i for i in range(2)})
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None
    def link(self, other):
        self.other = other
        other.other = self

class C1:
    pass

class C2:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C2')
    def link(self, other):
        self.other = other
        other.other = self

del C2
gc.collect()
