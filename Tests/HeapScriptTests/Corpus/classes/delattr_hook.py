import sys
class Guarded:
    def __init__(self):
        self.a = 1
        self.b = 2
    def __delattr__(self, name):
        print('delattr', name, sys.getrefcount(self))
        if name == 'a':
            raise AttributeError('a is guarded')
        object.__delattr__(self, name)

g = Guarded()
del g.b
g.__dict__
try:
    del g.a
except AttributeError as e:
    print(e)

delattr(g, 'c') if False else None
try:
    delattr(g, 'c')
except AttributeError as e:
    print(type(e).__name__, e)

sys.getrefcount(g)

class Logged:
    def __setattr__(self, name, value):
        print('set', name)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print('del', name)
        super().__delattr__(name)

l = Logged()
l.v = [1]
del l.v
hasattr(l, 'v')
try:
    del l.v
except AttributeError as e:
    print(e)

class SetOnly:
    def __setattr__(self, name, value):
        print('setonly', name)
        object.__setattr__(self, name, value)

s = SetOnly()
s.k = 1
del s.k
s.__dict__
