import gc, sys
from array import array
gc.collect()
a = array('i', range(10)); gc.is_tracked(a)
class C: pass

c = C(); c.a = array('d', [1.0]); c.self = c
del c
gc.collect()
b = array('l', [1, 2, 3])
b2 = array('l', b)
b is not b2, b == b2
x = array('B', b'hello'); x.tobytes().decode(), bytes(x)
len(gc.get_referents(x))
it = iter(x); len(gc.get_referents(it)); list(it); len(gc.get_referents(it))
