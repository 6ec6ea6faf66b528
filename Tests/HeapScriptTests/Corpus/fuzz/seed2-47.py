import sys
v1 = [None] * 34
v1.extend(range(12))
sys.getsizeof(v1)
