import sys
from collections import OrderedDict
od = OrderedDict()
type(od)
isinstance(od, dict)
len(od)
bool(od)
sys.getsizeof(od)
sys.getsizeof(od) - sys.getsizeof(dict())
od['a'] = 1
sys.getsizeof(od)
od['b'] = 2
od['c'] = 3
len(od), 'a' in od, 'z' in od, od['b'], od.get('z', 0), od.get('c')
sys.getsizeof(od)
for i in range(10): od[i] = i * i

sys.getsizeof(od)
len(od)
od[4]
del od[4]
sys.getsizeof(od)
od[4] = 'again'
sys.getsizeof(od)
od.popitem()
od.popitem(last=False)
od.popitem(False)
od.popitem(True)
len(od)
od.setdefault('x', 10)
od.setdefault('x', 11)
od['x']
od.pop('x')
od.pop('x', 'gone')
od.pop('x')
od['nope']
del od['nope']
od.move_to_end(4)
od.move_to_end('c', last=False)
od.move_to_end('nope')
od.clear()
len(od)
sys.getsizeof(od)
od.popitem()
od.move_to_end('a')
od.pop('a', None)
sys.getsizeof(od)
od['k'] = 'v'
sys.getsizeof(od)
od.popitem()
sys.getsizeof(od)
e = OrderedDict(a=1, b=2)
len(e), e['a'], e['b']
sys.getsizeof(e)
f = OrderedDict({'x': 1, 'y': 2, 'z': 3})
f.popitem(last=False), f.popitem()
sys.getsizeof(f)
