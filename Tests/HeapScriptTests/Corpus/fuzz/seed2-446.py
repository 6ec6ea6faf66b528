import sys
v1 = [[] for i in range(37)]
v1.extend(range(6))
sys.getsizeof(v1)
