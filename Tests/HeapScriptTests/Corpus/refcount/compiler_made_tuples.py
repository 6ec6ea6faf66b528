import sys
l = [4, 5, 6]; sys.getrefcount((4, 5, 6))
x = [7, 8, 9]; u = (7, 8, 9); sys.getrefcount(u)
u is (7, 8, 9)
d = {'ka': 1, 'kb': 2}; t = ('ka', 'kb'); sys.getrefcount(t)
s = {1, 2, 3}; f = frozenset({1, 2, 3}); sys.getrefcount(f) > 0
y = (10, 11, 12); z = [10, 11, 12]; sys.getrefcount(y)
def f():
    a = [20, 21, 22]
    b = (20, 21, 22)
    return sys.getrefcount(b)

f()
f.__code__.co_consts
del l, x, u, d, t, y, z
