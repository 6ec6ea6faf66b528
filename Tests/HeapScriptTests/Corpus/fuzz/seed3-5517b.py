import gc
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None

v1 = [[] for i in range(37)]
v2 = 3257
del C0
v5 = [v1, v2, v1]
class C1:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C1')

gc.collect()
