import gc
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C0')

v2 = {'k': 39}
v3 = [v2]
def f5(a):
    pass

v6 = f5(v3)
v8 = [[] for i in range(39)]
def f10(a):
    d = {'x': a}
    d['self'] = d

v11 = f10(v6)
v3 = [[] for i in range(13)]
gc.collect()
