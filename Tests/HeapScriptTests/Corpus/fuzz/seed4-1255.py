import gc
v1 = []
v2 = (v1,)
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C0')

v4 = [v1, v2]
class C1:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C1')

v5 = [[] for i in range(38)]
C0 = (v4,)
gc.collect()
