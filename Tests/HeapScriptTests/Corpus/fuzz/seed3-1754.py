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

del C1
del v2.b
class C3:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C3')
    def link(self, other):
        self.other = other
        other.other = self

gc.collect()
