import gc
class C0:
    def link(self, other):
        self.other = other
        other.other = self

class C1:
    def __init__(self, v):
        self.v = v
        self.other = None

del C1
class C2:
    def __init__(self, v):
        self.v = v
        self.other = None

def f5(a, n=3):
    out = []
    for i in range(n):
        out.append([i, a])

class C3:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C3')

for i in range(4):
    v8.add(i * 3)

gc.collect()
