import sys, gc
class A:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        print('eq', self.n, getattr(o, 'n', o), sys.getrefcount(self), sys.getrefcount(o))
        return isinstance(o, A) and self.n == o.n
    def __lt__(self, o):
        print('lt', self.n, o.n)
        return self.n < o.n
    def __repr__(self):
        return 'A%d' % self.n

a, b, c = A(1), A(1), A(2)
l = [c, b]
t = (c, b)
a in l
a in t
a in [c, b]
a not in l
[c, b].index(a)
l.count(a)
t.index(a)
t.count(a)
l.remove(a)
l
l.append(b)
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

show(lambda: [c].index(a))
show(lambda: [c].remove(a))
show(lambda: (c,).index(a))
[a] == [b]
(a,) == (b,)
[a, c] == [b]
(a, c) == (b,)
[a] != [c]
[a, c] < [b, a]
(a, a) < (b, c)
[a] < [a]
[a] <= [a, c]
max([c, a, A(3)])
min([c, a, A(3)])
min([c, a])
sys.getrefcount(a), sys.getrefcount(b), sys.getrefcount(c)
class M:
    def __init__(self, lst):
        self.lst = lst
    def __eq__(self, o):
        self.lst.clear()
        return False

lst = [1, 2]
m = M(lst)
lst.extend([m, m, 3])
M(lst) in lst
lst
gc.collect()
sorted([c, a, b])
