import sys, gc
b = bytearray(b'abc')
b
len(b), bool(b), bool(bytearray())
type(b)
sys.getrefcount(b)
b == b'abc', b == bytearray(b'abc'), b != b'abd', b'abc' == b, b == 'abc', b == 3
b[0], b[-1], b[0] is 97
b[1:], b[::-1], b[5:], type(b[1:])
b[0] = 65
b
b.append(100)
b
b.extend(b'ef')
b.extend([103, 104])
b.extend(bytearray(b'!'))
b
b += b'++'
b
c = b
c += bytearray(b'.')
c is b
b + b'X', b + bytearray(b'Z'), type(b + b'')
b * 2, 2 * b[:2], b * 0, b * -1
97 in b, 66 in b, b'ef' in b, bytearray(b'gh') in b, b'' in b, b'zz' in b
b.pop(), b.pop(0), b.pop(-2)
b
x = b.pop()
x, sys.getrefcount(b)
d = b.copy()
d == b, d is b, type(d)
b.hex(), bytearray().hex(), bytearray().hex() is ''
b.decode(), b.decode('ascii'), bytearray(b'q').decode() is 'q', bytearray().decode() is ''
bytes(b), type(bytes(b)), bytes(bytearray()) is b'', bytes(bytearray(b'a')) is b'a'
bytearray(b), bytearray(b) is b, bytearray(b) == b
bytearray(5), bytearray(0), bytearray([0, 1, 255]), bytearray((7,))
bytearray(b"it's"), bytearray(b'say "hi"'), bytearray(b'\x00\n\xff')
str(bytearray(b'x')), repr(bytearray())
b.clear()
b, len(b)
gc.is_tracked(b), gc.get_referents(b), gc.collect()
big = bytearray([1, 2, 3] * 100)
len(big), sys.getsizeof(big), gc.collect()
big.extend([4] * 50)
len(big), sys.getsizeof(big)
big.extend((5, 6))
len(big), sys.getsizeof(big)
e = bytearray(b'keep')
f = e
sys.getrefcount(e)
del f
sys.getrefcount(e)
def err(f):
    try:
        f()
    except Exception as ex:
        print(type(ex).__name__, ex)

err(lambda: hash(e))
err(lambda: bytearray(-1))
err(lambda: bytearray('abc'))
err(lambda: bytearray([1, 'a']))
err(lambda: bytearray([256]))
err(lambda: bytearray(1.5))
err(lambda: bytearray(b'a', 'utf-8'))
err(lambda: e.append(256))
err(lambda: e.append('a'))
err(lambda: e[10])
err(lambda: e['a'])
def setitem(i, v):
    e[i] = v

err(lambda: setitem(10, 1))
err(lambda: setitem(0, 300))
err(lambda: setitem(0, 'a'))
err(lambda: 300 in e)
err(lambda: 'k' in e)
err(lambda: e + 'a')
err(lambda: e + [1])
err(lambda: e * 'a')
err(lambda: bytearray().pop())
err(lambda: e.pop(10))
err(lambda: e.extend([300]))
err(lambda: e.extend(['a']))
err(lambda: e.pop(1, 2))
err(lambda: e.append())
err(lambda: e.copy(1))
err(lambda: bytearray(10**12))
err(lambda: e - e)
err(lambda: 1 | e)
err(lambda: e * e)
err(lambda: 1.5 * e)
'%s' % e
b'bc' in b'abc', 97 in b'abc', b'' in b'x', bytearray(b'bc') in b'abc', b'cb' in b'abc', 1 in b'abc'
err(lambda: 300 in b'abc')
err(lambda: 'a' in b'abc')
e
