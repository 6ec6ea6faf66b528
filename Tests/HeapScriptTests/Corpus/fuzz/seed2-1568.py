import sys
v1 = [None] * 39
v1.extend(range(0))
sys.getsizeof(v1)
