import gc
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None

def f2(a):
    pass

class C1:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C1')

v3 = C0
class C2:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C2')
    def link(self, other):
        self.other = other
        other.other = self

C1 = v3
sys.getsizeof(C2)
gc.collect()
