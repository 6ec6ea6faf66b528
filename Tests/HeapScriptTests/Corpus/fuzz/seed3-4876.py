import gc
def f1(a):
    d = {'x': a}
    d['self'] = d

v2 = f1(1)
v3 = [[] for i in range(38)]
v8 = f7(v4)
class C2:
    def __init__(self, v):
        self.v = v
        self.other = None
    def link(self, other):
        self.other = other
        other.other = self

v9 = [i for i in range(20)]
gc.collect()
