import sys
from collections import defaultdict
d = defaultdict(list)
d
type(d)
isinstance(d, dict)
d.default_factory
sys.getsizeof(d)
sys.getsizeof(d) - sys.getsizeof(dict())
x = d['missing']
x
d
x is d['missing']
sys.getrefcount(x)
len(d)
'other' in d
d.get('other')
d['missing'].append(1)
d
sys.getsizeof(d)
for i in range(5): d[i]

sys.getsizeof(d)
for i in range(5, 20): d[i]

sys.getsizeof(d)
len(d)
del d[3]
d[3] = 'three'
d[3]
e = defaultdict()
e
e.default_factory
e['k']
n = defaultdict(None, {'a': 1})
n
n['a']
n['b']
defaultdict(int, a=1, b=2)
defaultdict(int, [('a', 1)], b=2)
defaultdict(1)
defaultdict(int, 1, 2)
c = defaultdict(int)
c['x'] += 1
c['x'] += 1
c
c == {'x': 2}
sorted(c.items())
f = defaultdict(lambda: 'v')
f[1]
repr(f).startswith('defaultdict(<function <lambda> at 0x')
repr(f).endswith(", {1: 'v'})")
s = defaultdict(set)
s['k'].add(1)
s
