import gc
_ = gc.collect()
class N:
    def __init__(self):
        self.b = 1
        self.a = []

n = N()
[type(r).__name__ for r in gc.get_referents(n)]
n.__dict__
[type(r).__name__ for r in gc.get_referents(n)]
gc.is_tracked(n.__dict__)
[type(r).__name__ for r in gc.get_referents(n.__dict__)]
x = N(); y = N(); x.p = y; y.p = x
len(x.__dict__), len(y.__dict__)
del x, y
gc.collect()
m = N()
m.z = 'x'
d = m.__dict__
del m
[type(r).__name__ for r in gc.get_referents(d)]
