import gc
v2 = {'k': 6}
def f3(a, n=3):
    pass

class C0:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C0')
    def link(self, other):
        self.other = other
        other.other = self

v4 = dict()
for i in range(20):
    v2[i] = [i]

for i in range(23):
    v4[i] = [i]

del C0
gc.collect()
