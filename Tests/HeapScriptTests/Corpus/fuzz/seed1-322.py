import sys
v2 = []
v2.extend(range(1))
sys.getsizeof(v2)
