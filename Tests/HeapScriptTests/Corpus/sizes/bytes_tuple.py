import sys
sys.getsizeof(b'')
sys.getsizeof(b'a')
sys.getsizeof(b'hello')
sys.getsizeof(b'x' * 100)
sys.getsizeof(())
sys.getsizeof((1,))
sys.getsizeof((1, 2))
sys.getsizeof((1, 2, 3, 4, 5))
t = tuple(range(10))
sys.getsizeof(t)
sys.getsizeof(tuple([1, 2, 3]))
for n in range(0, 12):
    print(n, sys.getsizeof(tuple(range(n))))

