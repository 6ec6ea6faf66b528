import gc
v1 = {'k': 14}
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None
    def link(self, other):
        self.other = other
        other.other = self

del C0
for i in range(29):
    v1[i] = [i]

class C1:
    def __init__(self, v):
        self.v = v
        self.other = None

class C2:
    def __init__(self, v):
        self.v = v
        self.other = None
    def link(self, other):
        self.other = other
        other.other = self

gc.collect()
