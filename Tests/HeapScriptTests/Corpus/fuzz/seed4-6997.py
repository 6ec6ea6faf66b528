import gc
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None
    def link(self, other):
        self.other = other
        other.other = self

v1 = []
v1.append(v1)
del v1
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

v4.extend(range(18))
gc.collect()
