import sys
v1 = [[] for i in range(16)]
v1.extend(range(1))
sys.getsizeof(v1)
