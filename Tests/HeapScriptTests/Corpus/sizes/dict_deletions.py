import sys
d = {i: i for i in range(10)}
sys.getsizeof(d)
for i in range(10):
    del d[i]
    print(len(d), sys.getsizeof(d))

d
d.clear()
sys.getsizeof(d)
e = {'x': 1, 'y': 2}
e.pop('x')
sys.getsizeof(e)
e
f = dict(a=1, b=2)
sys.getsizeof(f)
f
g = dict([(1, 2), (3, 4)])
sys.getsizeof(g)
