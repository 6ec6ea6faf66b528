v = memoryview(b'abcefg'); v[1]; v[-1]; v[1:4].tobytes(); bytes(v[1:4])
x = memoryview(bytes(5)); print(type(x)); print(len(x), x.nbytes, x.tolist())
data = bytearray(b'hello world'); view = memoryview(data); print(view[0]); print(view[6:11].tobytes())
print(v[::2].tobytes(), v[::-1].tobytes(), v[5:1:-2].tolist(), v.hex(), v[1:3].hex())
print(v.format, v.itemsize, v.ndim, v.shape, v.strides, v.suboffsets, v.readonly, v.obj is not None)
print(v[::2].shape, v[::2].strides, v[::-1].strides, v[2:2].shape, v[2:2].tolist())
print(v.contiguous, v.c_contiguous, v.f_contiguous, v[::2].contiguous, v[::2].c_contiguous, v[2:2].contiguous)
print(v == b'abcefg', b'abcefg' == v, v == bytearray(b'abcefg'), v != b'x', v == 'abcefg', v == [97], v == v[:])
print(v[::2] == b'acf', v[1:3] == memoryview(b'bc'), bool(v), bool(memoryview(b'')), len(v[10:]))
print(hash(v[:0]) == hash(b''))
print(v.cast('c').tolist(), v.cast('b').format, v.cast('B')[1], v.cast('c')[0])
for key in [6, -7]:
    try:
        v[key]
    except IndexError as e:
        print(type(e).__name__, e)

for key in ['a', 1.5, None]:
    try:
        v[key]
    except TypeError as e:
        print(type(e).__name__, e)

for val in [1, b'x']:
    try:
        v[0] = val
    except TypeError as e:
        print(type(e).__name__, e)

try:
    del v[0]
except TypeError as e:
    print(type(e).__name__, e)

for arg in [1, 'abc', None, [1], 1.5]:
    try:
        memoryview(arg)
    except TypeError as e:
        print(type(e).__name__, e)

try:
    memoryview()
except TypeError as e:
    print(type(e).__name__, e)

try:
    memoryview(b'', b'')
except TypeError as e:
    print(type(e).__name__, e)

try:
    v[::2].cast('B')
except TypeError as e:
    print(type(e).__name__, e)

memoryview(object=b'ab').tobytes()
