import copy, sys
class P:
    def __init__(self):
        self.items = [1, 2]

p = P()
q = copy.copy(p)
print(q.items is p.items, sys.getrefcount(p.items))
ps = copy.deepcopy([p, p, q])
print(ps[0] is ps[1], ps[0] is p, ps[2].items is ps[0].items, sys.getrefcount(ps[0]))
class L(list):
    pass

l = L([p])
m = copy.copy(l)
print(type(m) is L, m[0] is p)
