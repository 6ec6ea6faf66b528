import sys
v3 = list(range(11))
v3.extend(range(19))
sys.getsizeof(v3)
