import gc, sys
from collections import deque
gc.collect()
c = deque()
c.append(c)
c
gc.is_tracked(c)
len(gc.get_referents(c))
o = object()
c.append(o)
sys.getrefcount(o)
del c
gc.collect()
sys.getrefcount(o)
d = deque([1, 2])
d.append(d)
d
del d
gc.collect()
