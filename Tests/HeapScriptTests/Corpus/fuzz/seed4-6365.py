import sys
v4 = {i: i * 2 for i in range(3)}
v4.update({i: i for i in range(8)})
sys.getsizeof(v4)
