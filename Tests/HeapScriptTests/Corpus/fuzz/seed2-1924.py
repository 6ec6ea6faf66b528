import sys
v3 = [i for i in range(22)]
v3.extend(range(6))
sys.getsizeof(v3)
