import sys
v2 = []
v2.extend(range(5))
sys.getsizeof(v2)
