import sys
v2 = list(range(26))
v2.extend(range(5))
sys.getsizeof(v2)
