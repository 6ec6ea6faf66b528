import sys
v2 = [35]
v2.append(v2)
v2.extend(range(19))
sys.getsizeof(v2)
