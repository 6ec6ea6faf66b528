import sys, gc
class Counter(dict):
    def __missing__(self, key):
        print('missing', key, sys.getrefcount(self))
        return 0

c = Counter()
c['x'], c.get('x'), 'x' in c, len(c)
c['x'] = c['x'] + 1
c['y'] += 2
c, type(c)
class Default(dict):
    def __missing__(self, key):
        self[key] = v = [key]
        return v

d = Default()
d['a'].append(1); d['a'].append(2); d
sys.getsizeof(d), sys.getrefcount(d['a'])
class Raising(dict):
    def __missing__(self, key):
        raise KeyError(key * 2)

try:
    Raising()['ab']
except KeyError as e:
    print(repr(e))

class Named(list):
    def __init__(self, name, items):
        print('init', name, len(self), sys.getrefcount(self))
        self.extend(items)
    def __repr__(self):
        return 'Named(%d)' % len(self)
    def __str__(self):
        return 'named'

n = Named('n', [1, 2])
n, str(n), [n], repr(n), type(n), sys.getsizeof(n)
print(n)
del n
gc.collect()
