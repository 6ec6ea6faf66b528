import sys
v1 = []
v1.extend(range(19))
sys.getsizeof(v1)
