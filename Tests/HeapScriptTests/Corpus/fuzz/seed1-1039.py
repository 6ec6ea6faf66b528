import sys
v1 = []
v4 = v1
v1.extend(range(1))
v6 = v4
sys.getsizeof(v6)
