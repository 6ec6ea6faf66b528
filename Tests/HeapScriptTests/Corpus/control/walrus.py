import sys, gc
data = [1, 2, 3, 4, 5]
if (n := len(data)) > 3:
    print(f"list is too long ({n} elements, expected <= 3)")

print(n, sys.getrefcount(data))
big = [object() for _ in range(3)]
if (first := big[0]) is not None:
    print(sys.getrefcount(first))

def f(items):
    total = 0
    while (chunk := items[total:total + 2]):
        total += len(chunk)
        print(chunk, sys.getrefcount(chunk))
    return total, chunk

print(f([1, 2, 3, 4, 5]))
def g(x):
    y = (z := [x]) + [x]
    return y, z

print(g(1))
h = lambda v: (w := v * 2) + w
print(h(3))
print((a := [1, 2]), a, a is (b := a), b)
print([y := 10, y ** 2])
print(len(c := "abc"), c)
class K:
    size = (s := 4) * 2
    t = s

print(K.size, K.t, hasattr(K, 's'))
def outer():
    global gg
    (gg := 5)
    return gg

print(outer(), gg)
