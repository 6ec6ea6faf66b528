import gc
v4 = [[] for i in range(28)]
v6 = (v1, v4)
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C0')
    def link(self, other):
        self.other = other
        other.other = self

C0 = {'k': v4}
gc.collect()
