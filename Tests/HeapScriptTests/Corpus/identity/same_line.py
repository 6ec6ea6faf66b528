a, b = 300, 300
a is b
c = 300
d = 300
c is d
e = 300; f = 300
e is f
g = 1.5
h = 1.5
g is h
g2, h2 = 1.5, 1.5
g2 is h2
def f():
    p = 1000
    q = 1000
    return p is q

f()
