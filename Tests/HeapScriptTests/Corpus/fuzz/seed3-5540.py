import gc
v1 = [[] for i in range(27)]
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None

v3 = [[] for i in range(16)]
del C0
v8 = C0(v7)
class C1:
    def __init__(self, v):
        self.v = v
        self.other = None

gc.collect()
