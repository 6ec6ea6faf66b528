import sys, gc
class Logged:
    def __init__(self, x):
        self.x = x
        self.y = x + 1
    def __setattr__(self, k, v):
        print('set', k, v, sys.getrefcount(self))
        super().__setattr__(k, v)

o = Logged(1)
o.x, o.y, sorted(vars(o))
o.z = 3
setattr(o, 'w', 4)
o.__dict__
for i in range(3):
    o.x = i

o.x, sys.getrefcount(o)
class Frozen:
    def __init__(self, a):
        object.__setattr__ if False else super().__setattr__('a', a)
    def __setattr__(self, k, v):
        raise AttributeError('frozen: ' + k)

f = Frozen(5)
f.a
try: f.a = 6
except AttributeError as e: print(e)

f.a
class Quiet:
    def __setattr__(self, k, v):
        pass

q = Quiet()
q.a = 1
hasattr(q, 'a'), q.__dict__
class Bad(Logged):
    def t(self):
        super().__setattr__('a')
    def u(self):
        super().__setattr__(1, 2)

try: Bad(0).t()
except TypeError as e: print(e)

try: Bad(0).u()
except TypeError as e: print(e)

gc.collect()
del o, f, q
gc.collect()
gc.collect(); l = [Logged(i) for i in range(3)]; gc.get_count()
