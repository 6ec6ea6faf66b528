import sys
v2 = [[] for i in range(33)]
v2.extend(range(7))
sys.getsizeof(v2)
