import gc
v1 = []
v1.append(v1)
del v1
v2 = [[] for i in range(33)]
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None
    def link(self, other):
        self.other = other
        other.other = self

v3 = [[] for i in range(15)]
def f5(a, n=3):
    pass

gc.collect()
