import sys, gc
class C: pass

p = C.__dict__
p
type(p)
type(C.__dict__) is type(vars(C))
sys.getsizeof(p)
gc.is_tracked(p)
C.__dict__ is C.__dict__
len(p)
list(p)
[k for k in p]
'__doc__' in p, '__qualname__' in p, 'x' in p
p['__module__']
p['__dict__']
p['__weakref__']
print(p['__doc__'])
p['x'] = 1
del p['__module__']
p['zz']
vars(C)
str(C.__dict__)
class D:
    "the doc"
    x = 1
    y = (1, 2)
    def f(self): return 1

D.__dict__['x'] is D.x, D.__dict__['y'] is D.y
D.__dict__['f'] is D.f, type(D.__dict__['f'])
list(D.__dict__)
D.__dict__['__doc__'], D.__doc__
class E(D):
    z = 3

E.__dict__
list(E.__dict__), E.__doc__
class H:
    def __eq__(self, other): return True

list(H.__dict__)
H.__dict__['__hash__'] is None
class N:
    class Inner:
        pass

N.Inner.__qualname__, list(N.Inner.__dict__)
'__qualname__' in N.__dict__
C().__qualname__
N.Inner().__qualname__
C.__doc__, C().__doc__
