import sys
v1 = [None] * 26
v1.extend(range(7))
sys.getsizeof(v1)
