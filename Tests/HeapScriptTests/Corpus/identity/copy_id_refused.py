import copy
a = [1, 2, 3]
b = copy.copy(a)
id(a) == id(b)
print(id(a) == id(b))
print(id(a) > 0)
