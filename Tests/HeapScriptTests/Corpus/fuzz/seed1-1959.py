import sys
v1 = [i for i in range(24)]
v1.extend(range(4))
sys.getsizeof(v1)
