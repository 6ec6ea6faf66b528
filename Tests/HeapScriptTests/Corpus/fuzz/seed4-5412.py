import gc
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None

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
    def link(self, other):
        self.other = other
        other.other = self

del C3
class C4:
    def __init__(self, v):
        self.v = v
        self.other = None

gc.collect()
