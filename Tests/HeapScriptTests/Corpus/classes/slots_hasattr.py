class P:
    __slots__ = ('x',)

p = P()
hasattr(p, '__dict__')
getattr(p, '__dict__', 'no')
p.__dict__
p.x = 1
hasattr(p, 'x')
getattr(p, 'x', None)
class Q(P):
    pass

q = Q()
hasattr(q, '__dict__')
