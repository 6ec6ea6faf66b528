import gc
v2 = object()
class C1:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C1')

v3 = C1(v2)
v4 = [[] for i in range(32)]
v5 = [17]
class C2:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C2')

v6 = C2(v5)
gc.collect()
