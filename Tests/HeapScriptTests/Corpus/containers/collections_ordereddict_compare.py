from collections import OrderedDict
a = OrderedDict(x=1)
a['y'] = 2
b = OrderedDict()
b['y'] = 2
b['x'] = 1
a == b
a != b
a == {'x': 1, 'y': 2}
{'y': 2, 'x': 1} == a
b == dict(y=2, x=1)
c = OrderedDict()
c['x'] = 1
c['y'] = 2
a == c
a != c
c['y'] = 3
a == c
OrderedDict() == OrderedDict()
OrderedDict() == {}
a == a
del b['y']
b['y'] = 2
a == b
