def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

show(lambda: type(hash({}.values())).__name__)
show(lambda: type(hash([].append)).__name__)
show(lambda: True | True)
show(lambda: (True & False, True ^ True, False | False, True | 2))
x = True
x |= False
x
b = b'ab'
show(lambda: bytes(b) is b)
for v in (None, 3.0, [300], [-1], (1, 2), iter([1, 2]), [1.0], 'a', {3}, range(3), [True], [2**70], len):
    show(lambda: bytes(v))

for v in (b'12', b' 7 ', bytearray(b'42'), bytearray(b'x'), b'1.5', b'x', b'', None, [1], 2.5, '0x10'):
    show(lambda: int(v))

for v in (b'12', bytearray(b'7'), b'1.5', b'x', bytearray(b'x'), bytearray(b''), '', ' ', b'', b' ', ' x ', None, [1], (lambda: 0)):
    show(lambda: float(v))

for v in (1, (1, 2), 'ab', b'ab', range(3), None, {}.keys(), {}.values(), {}.items(), iter([]), {1}, 1.5, len):
    for k in (0, 'a'):
        try:
            del v[k]
        except Exception as e: print(type(e).__name__, e)

for v in ({1}, frozenset({2}), {}.keys(), {}.values(), 1, None):
    for k in (0, 'a'):
        show(lambda: v[k])

show(lambda: type(None)())
show(lambda: type(None)(1))
show(lambda: type(NotImplemented)())
show(lambda: type(Ellipsis)(1))
show(lambda: int[0])
show(lambda: (range(10)[2:8:3], range(10)[::-1], range(0, 10, 3)[::2], range(5)[10:], range(20, 0, -2)[1:-1]))
show(lambda: hash({}.keys()))
show(lambda: hash({1: 2}.items()))
show(lambda: [*bytearray(b'ab'), *b'c'])
