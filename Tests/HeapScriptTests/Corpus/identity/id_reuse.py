id([]) == id([])
id(object()) == id(object())
a = []
b = []
id(a) == id(b)
id(a) == id(a)
c = a
id(c) == id(a)
c is a
x = [1, 2]
i = id(x)
del x
y = [3, 4]
id(y) == i
isinstance(id(y), int)
