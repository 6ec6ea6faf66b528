import sys
v1 = []
v1.append(v1)
v1.extend(range(7))
sys.getsizeof(v1)
