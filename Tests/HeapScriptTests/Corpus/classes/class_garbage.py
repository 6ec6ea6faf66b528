import gc
_ = gc.collect()
class C:
    pass

del C
gc.collect()
class D:
    def __init__(self, v):
        self.v = v
        self.other = None

del D
gc.collect()
class E:
    def f(self):
        x, self.b = 1, 2
        for self.a in range(1):
            pass

e = E()
e.f()
e.__dict__
del e, E
gc.collect()
