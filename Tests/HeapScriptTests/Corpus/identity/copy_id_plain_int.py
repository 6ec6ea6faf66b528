import copy
a = [1, 2, 3]
same = id(a) == id(a)
same
n = id(a)
n == 140000000000000
