import sys, gc
class A:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        print('A.eq', self.n, getattr(o, 'n', o), sys.getrefcount(self))
        if not isinstance(o, A):
            return NotImplemented
        return self.n == o.n
    def __lt__(self, o):
        print('A.lt', self.n, getattr(o, 'n', o))
        return self.n < o.n

a, b, c = A(1), A(1), A(2)
A.__hash__ is None
a == b
a == c
a != b
a != c
a == a
a < c
c > a
a <= c
a == 1
1 == a
a != 'x'
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

show(lambda: hash(a))
show(lambda: a >= c)
show(lambda: a < 1)
show(lambda: 1 < a)
sys.getrefcount(a), sys.getrefcount(c)
a < c < A(3)
a == b == c
class B(A):
    def __eq__(self, o):
        print('B.eq', self.n, getattr(o, 'n', o))
        return NotImplemented
    def __gt__(self, o):
        print('B.gt', self.n, getattr(o, 'n', o))
        return 'yes'

a == B(1)
B(1) == a
a < B(5)
B(5) > a
show(lambda: B(1) >= B(2))
B.__hash__ is None
class N:
    def __eq__(self, o):
        return [1]
    def __bool__(self):
        return True

N() == N()
N() != N()
bool(N() == 1)
class Bad:
    def __eq__(self, o):
        return Bad()
    def __bool__(self):
        raise ValueError('no truth')

show(lambda: type(Bad() == Bad()).__name__)
show(lambda: Bad() != Bad())
show(lambda: [Bad()] == [Bad()])
gc.collect()
sys.getrefcount(a), sys.getrefcount(b)
