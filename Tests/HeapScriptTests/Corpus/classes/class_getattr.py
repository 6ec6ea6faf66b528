import sys, gc
class Lazy:
    def __init__(self):
        self.real = 'r'
    def __getattr__(self, name):
        print('__getattr__', name, sys.getrefcount(self))
        if name.startswith('v'):
            value = [name]
            setattr(self, name, value)
            return value
        raise AttributeError(name)
    def method(self):
        return sys.getrefcount(self)

z = Lazy()
z.real
z.virtual
z.virtual
z.method()
getattr(z, 'vx', None)
hasattr(z, 'vy')
sorted(vars(z))
gc.collect(); w = z.vw; gc.get_count()
gc.collect(); r = z.method(); gc.get_count()
class Sub(Lazy):
    pass

s = Sub()
s.vq
z.missing
sys.getrefcount(z)
z.reel
