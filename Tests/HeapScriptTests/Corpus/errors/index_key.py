x = [1, 2, 3]
x[3]
x[-4]
(1, 2)[5]
[].pop()
'abc'[10]
d = {'a': 1}
d['b']
d[1]
del d['zz']
{}.pop('k')
s = set()
s.remove(1)
d
