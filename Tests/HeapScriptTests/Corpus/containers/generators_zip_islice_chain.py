import sys, gc, itertools
def g(n):
    for i in range(n):
        yield [i]

z = zip(g(3), g(3))
print(sys.getsizeof(z), next(z))
r = next(z)
print(sys.getrefcount(r), r)
del r
print(list(z), list(zip("ab", g(5))))
print(dict(zip("abc", g(3))))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

print(list(itertools.islice(fib(), 10)))
s = itertools.islice(fib(), 2, 20, 3)
print(next(s), list(s), sys.getsizeof(s))
c = itertools.chain(g(2), g(2), (x for x in "ab"))
print(list(c), list(c))
def boom():
    yield 1
    raise ValueError("x")

try:
    print(list(zip(boom(), boom())))
except ValueError as e:
    print("ValueError", e)

i = itertools.islice(boom(), 5)
print(next(i))
try:
    next(i)
except ValueError as e:
    print("ValueError", e)

print(list(i))
gc.collect()
gg = g(4)
zz = zip(gg, gg)
print(list(zz), gc.collect())
