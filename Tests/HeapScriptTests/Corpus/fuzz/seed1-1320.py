import sys
v3 = str(19007)
v5 = [[] for i in range(31)]
v5.append(v3)
v5.extend(range(17))
sys.getsizeof(v5)
