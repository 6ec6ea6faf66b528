import sys
v1 = [i for i in range(37)]
v3 = [v1, v1]
v1.extend(range(11))
t5 = v3.pop()
v3 = t5
sys.getsizeof(v3)
