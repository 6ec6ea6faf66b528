import sys, gc
class A:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        print('eq', self.n, getattr(o, 'n', o), sys.getrefcount(self), sys.getrefcount(o))
        return isinstance(o, A) and self.n == o.n
    def __hash__(self):
        print('hash', self.n)
        return self.n

a, b, c = A(1), A(1), A(2)
s = {a}
b in s
c in s
len({a, b}), len({a, c})
d = {a: 'x'}
d[b]
b in d
d[b] = 'y'
list(d.values()), len(d)
d.get(c, 'none')
d[c] = 'z'
len(d)
del d[b]
len(d)
s.add(b)
len(s)
s.discard(b)
len(s)
1 in s, 'x' in d
class I:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        print('I.eq', self.n, o)
        return self.n == o
    def __hash__(self):
        return hash(self.n)

{1: 'one'}[I(1)]
I(2) in {2, 3}
{I(1): 'a'}.get(1)
class HOnly:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h

class J:
    def __eq__(self, o):
        print('J.eq', type(o).__name__, sys.getrefcount(self))
        return False
    def __hash__(self):
        return 1

dm = {1: 'int', J(): 'j', HOnly(1): 'h'}
len(dm)
HOnly(1) in dm
dm[1]
sys.getrefcount(a), sys.getrefcount(b), sys.getrefcount(c)
del d, s
gc.collect()
sys.getrefcount(a), sys.getrefcount(b), sys.getrefcount(c)
