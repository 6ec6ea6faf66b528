import copy, sys, gc
class P:
    def __init__(self):
        self.items = [1, 2]

p = P()
gc.collect()
r = copy.deepcopy(p)
print(gc.get_count())
print(r.items is p.items, r.items == p.items, r is p, type(r) is P)
print(sys.getrefcount(p.items), sys.getrefcount(r.items), sys.getrefcount(P), sys.getrefcount(r))
print(sys.getsizeof(r.__dict__), sys.getsizeof(p.__dict__), sys.getsizeof(r), sys.getsizeof(p))
gc.collect()
r2 = copy.deepcopy(p)
print(gc.get_count(), P.__slotnames__)
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

a = Node('a'); b = Node('b'); a.other = b; b.other = a
gc.collect()
c = copy.deepcopy(a)
print(gc.get_count())
print(c.other.other is c, c.other is b, c.name, c.other.name, sys.getrefcount(c), sys.getrefcount(c.other))
del c
print(gc.collect())
del a, b
print(gc.collect())
class Box:
    def __init__(self, *things):
        self.things = list(things)
        self.pair = (things[0], things)
        self.table = {'first': things[0]}

x = Node('x')
box = Box(x, Node('y'))
gc.collect()
dup = copy.deepcopy(box)
print(dup.things[0] is dup.pair[0], dup.table['first'] is dup.things[0], dup.things[0] is x, dup.pair[1] is dup.things)
print(sys.getrefcount(dup.things[0]), sys.getrefcount(x), len(dup.pair[1]), dup.things[1].name)
memo = {}
d1 = copy.deepcopy(x, memo)
d2 = copy.deepcopy(x, memo)
print(d1 is d2, len(memo), sys.getrefcount(d1))
del memo, d1, d2
shallow = copy.copy(box)
print(shallow.things is box.things, shallow.pair is box.pair, sys.getrefcount(box.things))
del dup, shallow, box, x
print(gc.collect())
