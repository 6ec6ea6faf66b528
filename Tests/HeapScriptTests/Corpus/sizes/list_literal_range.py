import sys
sys.getsizeof([])
sys.getsizeof([1])
sys.getsizeof([1, 2, 3])
sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
for n in range(0, 20):
    print(n, sys.getsizeof(list(range(n))))

for n in range(0, 20):
    print(n, sys.getsizeof([i for i in range(n)]))

