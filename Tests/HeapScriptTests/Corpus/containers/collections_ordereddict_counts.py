import gc
from collections import OrderedDict
_ = gc.collect(); c = gc.get_count()[0]; o = OrderedDict(); gc.get_count()[0] - c
_ = gc.collect(); c = gc.get_count()[0]; p = OrderedDict(a=1, b=2); gc.get_count()[0] - c
_ = gc.collect(); c = gc.get_count()[0]; p['c'] = [1]; gc.get_count()[0] - c
_ = gc.collect(); c = gc.get_count()[0]; q = OrderedDict({'x': 1}); gc.get_count()[0] - c
_ = gc.collect(); c = gc.get_count()[0]; p.popitem(); gc.get_count()[0] - c
_ = gc.collect(); c = gc.get_count()[0]; del o, p, q; gc.get_count()[0] - c
_ = gc.collect(); c = gc.get_count()[0]; r = OrderedDict([('x', 1), ('y', 2)]); gc.get_count()[0] - c
