import gc
import itertools
gc.collect()
l = [1]
ch = itertools.chain(l)
l.append(ch)
gc.is_tracked(ch)
del l, ch
gc.collect()
l = []
cy = itertools.cycle(l)
l.append(cy)
del l, cy
gc.collect()
l = []
rp = itertools.repeat(l)
l.append(rp)
del l, rp
gc.collect()
d = {}
sl = itertools.islice(iter([d]), 1)
d['k'] = sl
del d, sl
gc.collect()
