import sys
sys.getsizeof({})
sys.getsizeof(dict())
sys.getsizeof({'a': 1})
sys.getsizeof({'a': 1, 'b': 2, 'c': 3})
d = {}
prev = sys.getsizeof(d)
for i in range(50):
    d[i] = i
    s = sys.getsizeof(d)
    if s != prev:
        print(len(d), s)
    prev = s

sys.getsizeof(d)
for n in range(0, 20):
    print(n, sys.getsizeof({i: i for i in range(n)}))

