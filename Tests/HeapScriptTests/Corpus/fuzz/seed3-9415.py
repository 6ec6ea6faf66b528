import gc
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C0')

class C1:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C1')
    def link(self, other):
        self.other = other
        other.other = self

v2.add(14)
del C1
class C2:
    def __init__(self, v):
        self.v = v
        self.other = None

gc.collect()
