import copy, sys
class P:
    def __init__(self):
        self.items = [1, 2]

p = P()
q = copy.copy(p)
print(q.items is p.items, sys.getrefcount(p.items))
ps = copy.deepcopy([p, p, q])
print(ps[0] is ps[1], ps[0] is p, ps[2].items is ps[0].items, sys.getrefcount(ps[0]))
class S:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = [1]

s = S()
t = copy.copy(s)
print(t.a is s.a, hasattr(t, 'b'))
