import gc
v1 = [[] for i in range(34)]
def f2(a):
    items = [a]
    items.append(items)

v3 = f2(v1)
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

gc.collect()
