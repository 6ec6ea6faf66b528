import sys
v5 = [[] for i in range(3)]
v5.extend(range(6))
sys.getsizeof(v5)
