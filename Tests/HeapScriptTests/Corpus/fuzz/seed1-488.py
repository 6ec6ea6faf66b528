import sys
v4 = [[] for i in range(15)]
v4.extend(range(10))
sys.getsizeof(v4)
