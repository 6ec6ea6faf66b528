import sys
v1 = []
for i in range(19):
    v1.append(i)

v1.extend(range(0))
sys.getsizeof(v1)
