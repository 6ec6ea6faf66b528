import gc
v3 = list(range(22))
def f4(a):
    pass

v2.other = v2
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C0')
    def link(self, other):
        self.other = other
        other.other = self

class C1:
    def link(self, other):
        self.other = other
        other.other = self

class C2:
    def __init__(self, v):
        self.v = v
        self.other = None

C1 = {}
gc.collect()
