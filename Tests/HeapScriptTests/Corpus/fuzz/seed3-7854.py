import gc
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
    def link(self, other):
        self.other = other
        other.other = self

for i in range(10):
    v7.append(i)

for i in range(8):
    v7.append(i)

del C0
v9 = set()
class C2:
    def __del__(self):
        print('del C2')

gc.collect()
