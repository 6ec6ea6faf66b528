import gc
v3 = {i: i * 2 for i in range(32)}
for i in range(21):
    v3[i] = [i]

def f4(a, n=3):
    pass

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

C0 = set(range(36))
v3['k'] = v7
v8 = [i for i in range(31)]
gc.collect()
