import sys, gc
from array import array
a = array('i')
sys.getsizeof(a), a.__sizeof__(), a.itemsize, a.typecode, len(a)
sizes = []
for k in range(40):
    a.append(k)
    sizes.append(sys.getsizeof(a))

sizes
sys.getsizeof(array('i', range(1000))), sys.getsizeof(list(range(1000)))
[array(c).itemsize for c in 'bBhHiIlLqQfd']
[sys.getsizeof(array(c, [1, 2, 3])) for c in 'bBhHiIlLqQfd']
b = array('b', bytes(10)); sys.getsizeof(b)
sys.getsizeof(array('d', [1.0] * 7))
c = array('i', range(20)); sys.getsizeof(c)
del c[0:18]; sys.getsizeof(c), c
d = array('i', range(5)); d *= 0; d, sys.getsizeof(d)
e = array('d', range(5)); sys.getsizeof(e); e.extend(range(3)); sys.getsizeof(e)
f = array('b'); f.frombytes(b'12345'); sys.getsizeof(f); f.fromlist([1, 2, 3]); sys.getsizeof(f)
g = array('h', [1, 2, 3]) + array('h', [4]); sys.getsizeof(g)
h = array('i', array('i', [1, 2, 3])); sys.getsizeof(h)
sys.getsizeof(array('i', (1, 2, 3))), sys.getsizeof(array('i', b'1234')), sys.getsizeof(array('i', iter([1, 2])))
k = array('i', [1] * 20); [k.pop() for _ in range(5)]; sys.getsizeof(k)
k.extend(array('i', [7] * 30)); sys.getsizeof(k), len(k)
del k[:]; sys.getsizeof(k), k
m = array('q', [5] * 3); m *= 4; sys.getsizeof(m), len(m)
m.insert(0, 9); m.insert(-1, 8); sys.getsizeof(m), m[0], m[-2]
for _ in range(14): m.pop()

sys.getsizeof(m), m
sys.getsizeof(array('i', [1, 2]) * 3), sys.getsizeof(3 * array('B', [1]))
sys.getsizeof(array('i', range(10))[2:5]), sys.getsizeof(array('i', range(10))[::3])
gc.is_tracked(array('i')) in (True, False)
it = iter(array('i', [1, 2])); sys.getsizeof(it), type(it).__name__
n = array('i', range(10))
sys.getsizeof(n.tolist()), sys.getsizeof(list(n)), sys.getsizeof(tuple(n))
