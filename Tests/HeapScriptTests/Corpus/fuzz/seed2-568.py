import sys
v1 = [None] * 24
v1.extend(range(9))
sys.getsizeof(v1)
