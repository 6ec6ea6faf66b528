import sys, gc
class Lazy:
    def __init__(self):
        self.loaded = 0
    def __getattribute__(self, name):
        print('getattribute', name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        print('getattr', name, sys.getrefcount(self))
        if name.startswith('lazy_'):
            value = name[5:].upper()
            setattr(self, name, value)
            return value
        raise AttributeError(name)

z = Lazy()
z.lazy_a
z.lazy_a
hasattr(z, 'lazy_b')
getattr(z, 'lazy_c', None)
sys.getrefcount(z)
try:
    z.other
except AttributeError as e:
    print(type(e).__name__, e)

sys.getrefcount(z)

class Proxy:
    def __init__(self, target):
        object.__setattr__(self, '_target', target)
    def __getattribute__(self, name):
        target = object.__getattribute__(self, '_target')
        print('proxy', name)
        return getattr(target, name)

p = Proxy([3, 1, 2])
p.sort()
p.count(1)
object.__getattribute__(p, '_target')
len(object.__getattribute__(p, '_target'))
gc.collect()
