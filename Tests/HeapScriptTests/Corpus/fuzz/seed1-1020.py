import sys
v1 = {'k': 0}
v2 = [v1]
v2.extend(range(6))
sys.getsizeof(v2)
