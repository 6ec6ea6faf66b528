import sys
v1 = [i for i in range(35)]
v1.extend(range(0))
sys.getsizeof(v1)
