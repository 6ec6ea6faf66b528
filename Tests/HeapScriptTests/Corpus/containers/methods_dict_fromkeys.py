import sys
d = dict.fromkeys(['a', 'b', 'c'])
d, sys.getsizeof(d)
e = dict.fromkeys(range(10), 0)
e, sys.getsizeof(e)
v = []
f = {}.fromkeys('xy', v)
f, f['x'] is v, sys.getrefcount(v)
dict.fromkeys([])
dict.fromkeys(1)
dict.fromkeys([[]])
