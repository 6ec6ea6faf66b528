import sys
v2 = [i for i in range(17)]
v2.extend(range(6))
sys.getsizeof(v2)
