class T(tuple): pass

x = T((1,)); x
x.a = 1
x.__dict__
