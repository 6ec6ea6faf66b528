import copy
class Plain:
    pass

o = Plain()
o.v = [1]
print(copy.copy([o])[0] is o)
p = copy.copy(o)
print(p is o)
