import gc
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C0')
    def link(self, other):
        self.other = other
        other.other = self

v4 = [[] for i in range(33)]
del C0
v6 = [v2, v3, v3]
def f7(a):
    pass

gc.collect()
