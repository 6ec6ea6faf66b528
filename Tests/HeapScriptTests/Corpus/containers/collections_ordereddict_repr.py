from collections import OrderedDict
od = OrderedDict()
od
repr(od)
od['a'] = 1
od
od['b'] = [1, 2]
od
str(od)
[od, OrderedDict()]
od['self'] = od
od
del od['self']
OrderedDict(x=1, y=(2, 3))
OrderedDict({1: 'one', 2: 'two'})
