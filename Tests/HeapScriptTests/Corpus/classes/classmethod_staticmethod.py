import sys, gc
def f(x=0): return x

sys.getsizeof(classmethod(f)), sys.getsizeof(staticmethod(f))
gc.is_tracked(staticmethod(f)), gc.is_tracked(classmethod(f))
sys.getrefcount(f)
s = staticmethod(f)
sys.getrefcount(f)
c = classmethod(f)
sys.getrefcount(f)
s.__func__ is f, c.__func__ is f
s.__dict__
c.__dict__
sys.getsizeof(s.__dict__)
sys.getrefcount(f)
gc.collect()
b = len(gc.get_objects())
s2 = staticmethod(f)
len(gc.get_objects()) - b
gc.get_referents(s2)[0] is f
sys.getrefcount(f)
class K:
    sm = s
    cm = c

K.sm is f, K().sm is f
K.cm
K.cm()
K().cm()
K.sm(7), K().sm(8)
callable(s), callable(c)
s.tag = 1
s.tag
s.__dict__['tag']
staticmethod()
classmethod(1, 2)
gc.collect()
del K, s, c, s2
gc.collect()
sys.getrefcount(f)
