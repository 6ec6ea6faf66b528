import gc
v6 = [i for i in range(34)]
def f7(a):
    d = {'x': a}
    d['self'] = d

v8 = f7(v6)
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C0')

class C1:
    def __init__(self, v):
        self.v = v
        self.other = None

sys.getsizeof(v6)
class C2:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C2')

def f11(a):
    pass

gc.collect()
