import sys
v1 = []
v1.extend(range(14))
sys.getsizeof(v1)
