b = bytearray(b"abcdef"); v = memoryview(b); print(v[1:4].tobytes()); v[0] = ord('Z'); print(b)
print(v.readonly, v.obj is b, v[-1])
v[1:3] = b'QR'; print(b)
v[::2] = b'123'; print(b)
v[1:3] = bytearray(b'qr'); print(b)
v[1:3] = memoryview(b'st'); print(b)
v[-1] = 70; v[True] = 66; print(b)
s = v[2:5]; s[0] = 0x41; print(b, s.tobytes(), bytes(s), bytearray(s))
for val in [256, -1]:
    try:
        v[0] = val
    except ValueError as e:
        print(type(e).__name__, e)

for val in ['a', b'a', 1.0]:
    try:
        v[0] = val
    except TypeError as e:
        print(type(e).__name__, e)

try:
    v[1:3] = b'x'
except ValueError as e:
    print(type(e).__name__, e)

try:
    v[1:3] = [1, 2]
except TypeError as e:
    print(type(e).__name__, e)

try:
    del v[0]
except TypeError as e:
    print(type(e).__name__, e)

try:
    hash(v)
except ValueError as e:
    print(type(e).__name__, e)

try:
    b.append(1)
except BufferError as e:
    print(type(e).__name__, e)

try:
    b.extend(b'xy')
except BufferError as e:
    print(type(e).__name__, e)

try:
    b += b'x'
except BufferError as e:
    print(type(e).__name__, e)

try:
    b.pop()
except BufferError as e:
    print(type(e).__name__, e)

try:
    b.clear()
except BufferError as e:
    print(type(e).__name__, e)

b.extend(b''); b += b''; print(b)
v.release(); print(b.pop(), b)
s.release(); b.append(33); print(b)
with memoryview(b) as m:
    print(m[0], m.tobytes())
    try:
        b.append(1)
    except BufferError as e:
        print(type(e).__name__, e)

b.append(34); print(b)
for attr in ['tobytes', 'tolist', 'hex', 'release']:
    try:
        getattr(m, attr)()
        print(attr, 'ok')
    except ValueError as e:
        print(attr, type(e).__name__, e)

for attr in ['nbytes', 'format', 'obj', 'shape']:
    try:
        getattr(m, attr)
    except ValueError as e:
        print(attr, type(e).__name__, e)

try:
    m[0]
except ValueError as e:
    print(type(e).__name__, e)

try:
    len(m)
except ValueError as e:
    print(type(e).__name__, e)

print(m == m, m == b, m != m)
w = memoryview(b); del w; b.append(35); print(b)
