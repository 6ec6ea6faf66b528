import sys
v1 = [29]
v2 = v1
v2.extend(range(12))
sys.getsizeof(v1)
