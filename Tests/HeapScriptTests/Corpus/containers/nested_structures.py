import sys
m = [[0] * 3 for i in range(3)]
m
m[1][2] = 5
m
sys.getsizeof(m)
sys.getsizeof(m[0])
aliased = [[0] * 3] * 3
aliased[0][0] = 1
aliased
sys.getrefcount(aliased[0])
d = {'list': [1, 2], 'tuple': (3, 4), 'set': {5}}
d['list'].append(3)
d
len(d['tuple'])
grid = {(i, j): i * j for i in range(3) for j in range(3)}
grid[(2, 2)]
len(grid)
sys.getsizeof(grid)
