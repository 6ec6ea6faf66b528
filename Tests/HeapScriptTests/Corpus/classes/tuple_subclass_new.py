class T(tuple): pass

T((1, 2)), T.__name__
class N(tuple):
    def __new__(cls, a, b):
        return tuple.__new__(cls, (a, b))

N(1, 2)
