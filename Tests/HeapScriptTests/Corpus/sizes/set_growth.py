import sys
sys.getsizeof(set())
sys.getsizeof({1})
sys.getsizeof({1, 2, 3, 4})
s = set()
prev = sys.getsizeof(s)
for i in range(60):
    s.add(i)
    n = sys.getsizeof(s)
    if n != prev:
        print(len(s), n)
    prev = n

sys.getsizeof(set(range(100)))
sys.getsizeof({i for i in range(10)})
