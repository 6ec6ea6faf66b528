import gc
class C1:
    def __init__(self, v):
        self.v = v
        self.other = None
    def link(self, other):
        self.other = other
        other.other = self

v5 = [[] for i in range(21)]
del C1
for i in range(9):
    v2.append(i)

class C3:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C3')

def f8(a, n=3):
    pass

gc.collect()
