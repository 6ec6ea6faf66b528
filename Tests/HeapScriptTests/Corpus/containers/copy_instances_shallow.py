import copy, sys, gc
class P:
    def __init__(self):
        self.items = [1, 2]

p = P()
gc.collect()
q = copy.copy(p)
print(gc.get_count())
print(q.items is p.items, q is p, type(q) is P, q.items)
print(sys.getrefcount(p.items), sys.getrefcount(P), sys.getrefcount(q))
print(P.__slotnames__, hasattr(P, '__slotnames__'))
print(sys.getsizeof(q.__dict__), sys.getsizeof(p.__dict__), q.__dict__ == p.__dict__, q.__dict__ is p.__dict__)
gc.collect()
q2 = copy.copy(p)
print(gc.get_count())
q.items.append(3)
print(p.items, q2.items, sys.getrefcount(p.items))
class E:
    pass

e = E()
gc.collect()
f = copy.copy(e)
print(gc.get_count(), f is e, type(f) is E, sys.getsizeof(e), sys.getsizeof(f))
f.x = 1
print(hasattr(e, 'x'), E.__slotnames__)
class Q:
    def __init__(self, a, b):
        self.a = a
        self.b = b
        self.c = (a, b)

x = Q([1], {'k': [2]})
y = copy.copy(x)
print(y.a is x.a, y.b is x.b, y.c is x.c, sys.getrefcount(x.a), sys.getrefcount(x.c))
del x
print(sys.getrefcount(y.a), y.c)
gc.collect()
a = P(); b = P(); a.other = b; b.other = a
c = copy.copy(a)
print(c.other is b, b.other is a, gc.get_count())
del a, b, c
print(gc.collect())
del p, q, q2
print(gc.collect())
