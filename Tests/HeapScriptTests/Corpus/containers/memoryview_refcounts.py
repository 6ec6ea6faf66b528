import sys, gc
b = bytes(range(10)) * 3
print(sys.getrefcount(b))
m = memoryview(b)
print(sys.getrefcount(b), sys.getsizeof(m), gc.is_tracked(m))
m2 = m[1:3]; m3 = memoryview(m); m4 = m.cast('c')
print(sys.getrefcount(b), sys.getrefcount(m), sys.getsizeof(m2), m2.obj is b, m3.obj is b)
m.release(); print(sys.getrefcount(b))
m2.release(); m3.release(); print(sys.getrefcount(b))
m4.release(); print(sys.getrefcount(b))
del m, m2, m3, m4
print(sys.getrefcount(b), gc.collect())
ba = bytearray(b'xyz')
v = memoryview(ba); w = v[1:]; print(sys.getrefcount(ba), gc.collect())
del v; print(sys.getrefcount(ba))
del w; print(sys.getrefcount(ba), gc.collect())
big = bytearray(b'X' * 100_000_000); mv = memoryview(big); chunk = mv[1000:2000]; chunk[0] = ord('Y'); print(big[1000], big[999], len(chunk))
print(sys.getrefcount(big), sys.getsizeof(chunk))
del mv, chunk; big.append(1); print(len(big))
del big
gc.collect()
