import gc, sys
from collections import defaultdict
d = defaultdict(list)
gc.is_tracked(d)
gc.is_tracked(defaultdict(int, a=1))
gc.get_referents(defaultdict(list, a=1))[-2:]
len(gc.get_referents(defaultdict()))
len(gc.get_referents(defaultdict(None)))
gc.collect() >= 0
d['a'].append(d)
d
0
del d
gc.collect()
o = object()
k = defaultdict(list)
k['o'] = o
sys.getrefcount(o)
k['self'] = k
del k
gc.collect()
sys.getrefcount(o)
g = defaultdict(dict)
g['x']['y'] = g
g
0
del g
gc.collect()
def factory():
    return []

h = defaultdict(factory)
sys.getrefcount(factory)
h[0]
0
del h
sys.getrefcount(factory)
gc.collect()
k = defaultdict(list)
k['a']
k['b']
sys.getsizeof(k)
gc.get_referents(k)[-2:]
0
k['c'] = k
del k
gc.collect()
