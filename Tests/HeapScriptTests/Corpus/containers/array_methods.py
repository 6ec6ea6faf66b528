from array import array
import array as arraymodule
arraymodule.ArrayType is array, arraymodule.typecodes.replace('w', '')
array, type(array('i'))
a = array('i', [1, 2, 3])
a, str(a), repr(array('d')), repr(array('f', [1.5, 0.1]))
a.append(4); a.extend([5, 6]); a.extend(array('i', [7])); a
a.insert(0, 0); a.insert(100, 8); a.insert(-100, -1); a
a.pop(), a.pop(0), a.pop(-2), a
a.remove(3); a
a.index(5), a.count(5), a.count(99), 5 in a, 99 in a, 5.0 in a, 'x' in a
a.reverse(); a
a.tolist(), a.tobytes()
b = array('h', [1, 256]); b.byteswap(); b
b.frombytes(b'\x01\x00'); b
b.fromlist([7, 8]); b
a[0], a[-1], a[1:3], a[::-1], a[::2], a[10:]
a[0] = 100; a[-1] = -100; a
del a[0]; a
del a[1:3]; a
list(a), tuple(a), sorted(a), sum(a), max(a)
[x * 2 for x in a]
len(a), bool(a), bool(array('i'))
a + array('i', [1]), a * 2, 2 * a, a * 0, a * -1
c = a; c += array('i', [9]); c is a, a
c *= 2; c is a, a
array('i', [1, 2]) == array('i', [1, 2]), array('i', [1, 2]) != array('i', [1, 3])
array('i', [1, 2]) < array('i', [1, 3]), array('i', [1]) <= array('i', [1]), array('i') > array('i'), array('i', [2]) >= array('i', [1, 5])
array('i', [1, 2]) == array('d', [1.0, 2.0]), array('b', [1]) == array('B', [1]), array('i', [1]) == [1]
array('i', [1]) == array('i', [1, 2]), array('i', [1]) in [array('i', [1])]
array('d', [0.1, 1e16, -0.0]), array('f', [0.1]), array('f', [0.1])[0], array('f', [1e300])
array('B', [255]), array('b', [-128]), array('H', [65535]), array('I', [4294967295]), array('l', [-2**63])
array('Q', [2**64 - 1]), array('Q', [2**64 - 1])[0], array('L', [2**64 - 1]).tolist()
array('i', [True, False]), array('d', [True, 3]), array('b', bytearray(b'\x01\x02'))
array('d', array('i', [1, 2])), array('i', (x for x in range(3))), array('i', range(4))
array('i', {1: 2}), array('q', [1, 2]).tobytes()
x, y, z = array('i', [1, 2, 3]); x, y, z
array('i', b'\x01\x00\x00\x00\x02\x00\x00\x00')
