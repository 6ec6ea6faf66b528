import gc
class C0:
    pass

v3.append(v3)
class C1:
    def __init__(self, v):
        self.v = v
        self.other = None
    def link(self, other):
        self.other = other
        other.other = self

v5 = [[] for i in range(13)]
class C2:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C2')

C2 = 29
v3 = {i % 7 for i in range(25)}
gc.collect()
