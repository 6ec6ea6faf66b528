import sys, gc
class L:
    def __init__(self, n):
        self.n = n
    def __lt__(self, o):
        print('lt', self.n, o.n, len(lst))
        return self.n < o.n
    def __repr__(self):
        return 'L%d' % self.n

lst = [L(3), L(1), L(2), L(5), L(4)]
lst.sort()
lst
lst.sort(reverse=True)
lst
sorted([L(2), L(2), L(1)])
class B(L):
    pass

lst = [L(2), B(1), L(3)]
lst.sort()
lst
max([L(1), L(3), L(2)])
min([L(1), L(3), L(2)])
class Boom:
    def __init__(self, n):
        self.n = n
    def __lt__(self, o):
        if self.n == 9:
            raise ValueError('boom')
        return self.n < o.n
    def __repr__(self):
        return 'Boom%d' % self.n

bl = [Boom(3), Boom(1), Boom(9), Boom(2)]
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

show(lambda: bl.sort())
bl
class N:
    def __init__(self, n):
        self.n = n
    def __lt__(self, o):
        print('N.lt', self.n, o.n)
        return NotImplemented
    def __gt__(self, o):
        print('N.gt', self.n, o.n)
        return self.n > o.n
    def __repr__(self):
        return 'N%d' % self.n

sorted([N(2), N(1)])
sys.getrefcount(lst[0])
gc.collect()
