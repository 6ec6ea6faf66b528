import gc, sys
from collections import OrderedDict
class K:
    pass

k = K()
v = K()
sys.getrefcount(k), sys.getrefcount(v)
od = OrderedDict()
gc.is_tracked(od)
od[k] = v
sys.getrefcount(k), sys.getrefcount(v)
od[k] = v
sys.getrefcount(k), sys.getrefcount(v)
del od[k]
sys.getrefcount(k), sys.getrefcount(v)
od[k] = v
od.pop(k) is v
sys.getrefcount(k), sys.getrefcount(v)
od[k] = v
od.popitem()[0] is k
sys.getrefcount(k), sys.getrefcount(v)
od[k] = v
od.clear()
sys.getrefcount(k), sys.getrefcount(v)
od[k] = v
[x is k for x in gc.get_referents(od)]
len(gc.get_referents(OrderedDict(a=[1])))
del od
sys.getrefcount(k), sys.getrefcount(v)
gc.collect() >= 0
c = OrderedDict()
c['self'] = c
c[k] = c
del c
gc.collect()
sys.getrefcount(k)
x = []
d = OrderedDict(l=x)
x.append(d)
del x, d
gc.collect()
gc.collect()
