import sys
b = bytearray()
sys.getsizeof(b), b.__sizeof__(), len(b)
sizes = []
for i in range(40):
    b.append(i)
    sizes.append(sys.getsizeof(b))

sizes
len(b)
b.extend(b'0123456789')
sys.getsizeof(b)
b.extend([1, 2, 3])
sys.getsizeof(b)
b += b'xyz'
sys.getsizeof(b)
b.extend(bytearray(100))
len(b), sys.getsizeof(b)
pops = []
for i in range(130):
    x = b.pop()
    pops.append(sys.getsizeof(b))

pops
b.clear()
sys.getsizeof(b), len(b)
b.append(1)
sys.getsizeof(b)
[sys.getsizeof(bytearray(n)) for n in range(12)]
sys.getsizeof(bytearray(b'abc')), sys.getsizeof(bytearray(b''))
sys.getsizeof(bytearray([1, 2, 3])), sys.getsizeof(bytearray((1, 2, 3, 4, 5, 6, 7, 8, 9, 10)))
sys.getsizeof(bytearray([])), sys.getsizeof(bytearray(list(range(20))))
c = bytearray(b'hello')
sys.getsizeof(c), sys.getsizeof(c + c), sys.getsizeof(c * 3), sys.getsizeof(c * 0)
sys.getsizeof(c[1:3]), sys.getsizeof(c[:0]), sys.getsizeof(c[::2]), sys.getsizeof(c.copy())
d = bytearray(1000)
sys.getsizeof(d)
d.append(0)
sys.getsizeof(d)
d.extend(bytearray(200))
sys.getsizeof(d)
e = bytearray(8)
e.extend(b'a')
sys.getsizeof(e)
e.extend(b'bcdefghijklmnopq')
sys.getsizeof(e)
e.extend(b'')
sys.getsizeof(e)
e.extend(e)
len(e), sys.getsizeof(e)
