(1+2j).real, (1+2j).imag, (3+4j).conjugate(), 2j.real
complex(), complex(1, 2), complex(1.5), complex(2j), complex(1j, 1j), complex(True), complex(2, 1j), complex(1+1j, 2.5)
-(1+2j), +(1+2j), -0j, -(0j), complex(-0.0, -1.0), complex(1.5, 0), complex(0.0, -0.0)
complex(float('inf'), float('nan')), complex(-float('inf'), float('inf')), complex(1e300, -1e-300)
1e16j, 1e17j, 123456789012345678j, 0.1j, 1e-5j, 1e-4j, complex(1/3, 2/3)
str(1+2j), str(1j), repr(-1.5-0.5j), [1j, 2+0j], {'k': 3j}
abs(3+4j), abs(-2j), abs(0j), abs(complex(float('inf'), 1))
hash(1j), hash(1+2j), hash(complex(3)), hash(complex(1.5, -2)), hash(0j), hash(complex(-1, 0)), hash(1j) == hash(complex(0, 1))
bool(0j), bool(1j), bool(complex(0.0, -0.0)), bool(complex(1, 0))
1j == 1j, 1+0j == 1, complex(1.5) == 1.5, 1j != 1j, 1j == 'a', 1j != None, 2 == 2+0j, True == 1+0j, 1j == 1
(1+2j) + 1, 1 + (1+2j), (1+2j) * 2.5, (1+2j) - (3-1j), 2 - 1j, (1+2j)*(3+4j), 2.5 - 1j, True * 1j
(1+2j) / (3-4j), 1 / 2j, (1+2j) / 2, 7 / (1+1j), 1.5 / (2j), (1e300+1e300j) / (1e300+1e300j)
x = 1j
x += 2
x *= 3
x -= 1j
x /= 2
x
{1j: 'a', 1+0j: 'b', 1: 'c'}
{1j, 2j, 1j}
1j in [0, 1j], 2j in (1, 2)
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)

err(lambda: 1j / 0)
err(lambda: 1j / 0j)
err(lambda: 1 / 0j)
err(lambda: 1j < 2j)
err(lambda: 1j > 1)
err(lambda: 2.0 <= 1j)
err(lambda: 1j // 2)
err(lambda: 1j % 2)
err(lambda: 3 // 1j)
err(lambda: divmod(1j, 2))
err(lambda: int(1j))
err(lambda: float(1j))
err(lambda: ~1j)
err(lambda: 1j << 1)
err(lambda: 1j & 2)
