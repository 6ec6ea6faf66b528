import sys
sys.getsizeof(10**100)
sys.getsizeof(2**1000)
sys.getsizeof(-(10**50))
x = 12345678901234567890123456789
sys.getsizeof(x)
x
sys.getsizeof(x * x)
x * x
for k in range(0, 200, 15):
    print(k, sys.getsizeof(2**k), sys.getsizeof(-(2**k)))

