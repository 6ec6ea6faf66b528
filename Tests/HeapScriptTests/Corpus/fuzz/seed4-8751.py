import sys
v1 = []
v1.append(v1)
t2 = v1.pop()
v1 += [8] * 1
sys.getsizeof(t2)
