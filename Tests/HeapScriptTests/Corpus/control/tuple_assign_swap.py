import gc, sys
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)

def pair(x, y):
    a, b = D('a'), D('b')
    a, b = x, y
    return a, b

pair(1, 2)
def triple(x, y, z):
    a, b, c = D('a'), D('b'), D('c')
    a, b, c = x, y, z

triple(1, 2, 3)
def swap(a, b):
    a, b = b, a
    return a

gc.collect(); swap(1000, 2000); gc.get_count()
def one(x):
    a, = x,
    return a

gc.collect(); one(1000); gc.get_count()
def lst(x, y):
    a, b = [x, y]
    return a

gc.collect(); lst(1000, 2000); gc.get_count()
p, q = D('p'), D('q')
p, q = 1, 2
s1, s2 = D('s1'), D('s2')
x = 5
s1, s2 = x, x
class K:
    pass

k = K()
k.u, k.v = D('u'), D('v')
k.u, k.v = x, x
