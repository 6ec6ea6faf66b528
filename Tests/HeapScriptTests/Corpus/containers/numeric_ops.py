7 // 2
-7 // 2
7 % 3
-7 % 3
7 / 2
2 ** 10
2 ** -1
2 ** 100
-2 ** 2
1 + 2 * 3
(1 + 2) * 3
10 - 3 - 2
1.1 + 2.2
0.1 + 0.2
1e16
1e-5
123456789.0
1/3
float('inf')
-0.0
3.0
int(3.9)
int(-3.9)
True + True
5 & 3
5 | 3
5 ^ 3
~5
1 << 70
2**64 - 1
-(2**63)
1 < 2 < 3
1 < 2 > 3
not 0
0 or 'x'
'' and 1
None or []
x = 5
x += 3
x *= 2
x -= 1
x //= 3
x
bool([])
bool([0])
isinstance(True, int)
type(1)
type(1.0)
type('')
type([])
type(None)
