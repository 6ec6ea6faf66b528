import sys
v1 = [None] * 2
v1.extend(range(6))
sys.getsizeof(v1)
