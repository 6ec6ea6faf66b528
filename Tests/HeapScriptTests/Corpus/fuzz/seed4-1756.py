import gc
v1 = [[] for i in range(32)]
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None
    def link(self, other):
        self.other = other
        other.other = self

v2 = C0(v1)
v3 = [[] for i in range(23)]
v2.other = v2
del v2
gc.collect()
