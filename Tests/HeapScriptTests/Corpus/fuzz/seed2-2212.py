import sys
v4 = [[] for i in range(38)]
v4.extend(range(12))
sys.getsizeof(v4)
