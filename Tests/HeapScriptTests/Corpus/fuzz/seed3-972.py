import gc
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None

del C0
def f3(a, n=3):
    out = []
    for i in range(n):
        out.append([i, a])

v7 = list(range(19))
v2.append(v2)
class C1:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C1')
    def link(self, other):
        self.other = other
        other.other = self

v8 = [i for i in range(5)]
gc.collect()
