import sys, gc
from dataclasses import dataclass, field
@dataclass
class Node:
    name: str
    next: object = None

@dataclass(eq=False)
class Leaf:
    value: int

gc.collect()
a = Node('a')
b = Node('b', a)
a.next = b
sys.getrefcount(a), sys.getrefcount(b)
gc.is_tracked(a)
del a, b
gc.collect()
x = Leaf(1)
x.me = x
del x
gc.collect()
items = [Node(str(i)) for i in range(3)]
for i in range(3):
    items[i].next = items[(i + 1) % 3]

del items
gc.collect()
n = Node('n')
n.next = n
n
v = [1, 2]
w = Node('w', v)
sys.getrefcount(v)
del w
sys.getrefcount(v)
gc.collect()
gc.get_count()
