import copy
grid = [[1, 2], [3, 4], (5, 6)]
alias = grid
id(grid) == id(alias), id(grid) != id(alias)
shallow = copy.copy(grid)
id(grid) == id(shallow), id(grid[0]) == id(shallow[0]), id(grid[2]) == id(shallow[2])
deep = copy.deepcopy(grid)
id(grid) == id(deep)
[id(x) == id(y) for x, y in zip(grid, deep)]
[id(x) != id(y) for x, y in zip(grid, shallow)]
t = (1, 2)
id(copy.copy(t)) == id(t), id(copy.deepcopy(t)) == id(t)
nested = {'k': [grid, grid]}
dn = copy.deepcopy(nested)
id(dn['k'][0]) == id(dn['k'][1]), id(dn['k'][0]) == id(grid)
ids = [id(grid), id(deep)]
ids[0] == id(grid), ids[1] == id(grid)
kept = id(shallow)
kept == id(shallow)
type(kept), isinstance(kept, int)
x = id(grid)
y = x
x is y, x == y
