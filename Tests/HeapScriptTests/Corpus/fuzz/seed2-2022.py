import sys
v1 = [i for i in range(6)]
v8 = v1
v8.extend(range(14))
sys.getsizeof(v1)
