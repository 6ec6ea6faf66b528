import gc
v1 = list(range(10))
v2 = [v1, v1]
v5 = {'k': v2}
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None

class C1:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C1')

class C2:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C2')
    def link(self, other):
        self.other = other
        other.other = self

v2 = [[] for i in range(7)]
C0 = (v5,)
gc.collect()
