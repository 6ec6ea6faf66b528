import gc
v4 = [[] for i in range(33)]
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None

class C1:
    def __init__(self, v):
        self.v = v
        self.other = None

v1
class C2:
    def __init__(self, v):
        self.v = v
        self.other = None

del C0
gc.collect()
