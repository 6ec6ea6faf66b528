None is None
True is True
x = None
x is None
x is not None
[] is []
l = [1]
m = l
m is l
m is not l
l.append(2)
m
t = (1, 2)
u = t
u is t
def f(a):
    return a

f(l) is l
