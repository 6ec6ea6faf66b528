class T(tuple): pass

class S(tuple): __slots__ = ()

x = T((1, 2)); i = id(x); del x; y = T((1, 2, 3)); id(y) == i
x = T((1, 2)); i = id(x); del x; y = (1, 2, 3, 4); id(y) == i
x = S((1, 2)); i = id(x); del x; y = S((1, 2, 3)); id(y) == i
x = S((1,)); i = id(x); del x; y = (5, 6); id(y) == i
x = T(); i = id(x); del x; y = T((7,)); id(y) == i
t = (8, 9); i = id(t); del t; z = T((1, 2)); id(z) == i
x = T((1, 2)); i = id(x); del x; w = T((3, 4)); id(w) == i
