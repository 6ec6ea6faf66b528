import gc
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C0')

del C0
class C2:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C2')
    def link(self, other):
        self.other = other
        other.other = self

sys.getsizeof(C1)
class C3:
    def __del__(self):
        print('del C3')

gc.collect()
