import sys
b = b'hello world'
E = b''
L = b'aAb'
b.hex(), b''.hex(), b'\x00\xff'.hex(), sys.getsizeof(b.hex())
b.count(b'o'), b.count(b''), b.find(b'wor'), b.find(b'z'), b.index(b'l')
b.index(b'z')
b.find('o')
b.startswith(b'he'), b.endswith((b'x', b'ld')), b.startswith(b'')
b.startswith('h')
u = b.upper()
u, sys.getsizeof(u), b'a'.upper() is L[1:2], b''.lower() is E
b.strip() is b, b'  x '.strip(), b'xxhixx'.strip(b'x'), b'ab'.lstrip(b'a') is L[2:3], b'  '.rstrip()
b.strip(1)
j = b''.join([b])
j is b, b'-'.join([b'a', b'b']), b''.join([b'a', b'']) is L[0:1], sys.getsizeof(b', '.join([b'ab', b'cd']))
b''.join([b'a', 1])
b.rfind(b'o'), b.rfind(b''), b.rfind(b'q'), b.rindex(b'l')
b.rindex(b'q')
