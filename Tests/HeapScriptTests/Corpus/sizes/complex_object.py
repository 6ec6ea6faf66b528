import sys
sys.getsizeof(1j), sys.getsizeof(complex(1, 2)), sys.getsizeof(0j), sys.getsizeof(complex(1e300, -1e300))
type(1j), type(complex()), type(1 + 2j), isinstance(1j, complex)
1j, 2.5j, 1e3j, 1_0j, 0j, 1J, 0.5e-3j
x = 1 + 2j
y = 1 + 2j
x is y
sys.getrefcount(x)
sys.getrefcount(3.5j)
t = (1j, 1j, 2 - 3j)
t[0] is t[1]
def f():
    return 1 + 2j, 1 + 2j, -4j, 4j, 1j, 0 + 1j

a, b, c, d, e, g = f()
a is b, c == -d, e is g, e == g
f()[0] is f()[0]
c = complex(1.5, 2)
complex(c) is c
+c is c
-c is c
sys.getrefcount(c)
def reuse():
    z = complex(3, 4)
    i = id(z)
    del z
    w = complex(5, 6)
    same = id(w) == i
    u = 2.0 * i
    j = id(u)
    del u
    v = complex(7, 8)
    return same, id(v) == j

reuse()
zs = [complex(k, k) for k in range(100)]
sys.getsizeof(zs[50]), len(set(map(id, zs)))
del zs
import gc
gc.is_tracked(1j), gc.is_tracked(complex(1, 2)), gc.is_tracked([1j])
