import sys
def outer(n):
    big = [0] * n
    r = [len(big) + i for i in range(2)]
    return r, sys.getrefcount(big)

outer(3)
def nested(k):
    return [[k * a + b for b in range(a)] for a in range(3)]

nested(10)
{x: y for x, y in [(1, 'a'), (2, 'b')] if x > 1}
{c % 3 for c in [5, 7, 9, 5]}
g = 5
class C:
    g = 100
    items = [g + i for i in range(2)]

C.items
del C
data = [1, 2, 3]
sys.getrefcount(data)
[x for x in data if x / (x - 2)]
sys.getrefcount(data)
sum(x * x for x in data)
max(x for x in [3, 9, 4])
del data
print('end')
