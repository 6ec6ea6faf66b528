import sys
v1 = [[] for i in range(12)]
v1.extend(range(7))
sys.getsizeof(v1)
