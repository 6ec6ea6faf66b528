import gc, sys
gc.collect()
from collections import namedtuple
Node = namedtuple('Node', 'value children')
gc.collect()
n = Node(1, [])
gc.is_tracked(n), gc.is_tracked(Node(1, 2)), gc.is_tracked((1, 2))
n.children.append(n)
sys.getrefcount(n)
del n
gc.collect()
a = Node('a', []); b = Node('b', [a]); a.children.append(b)
del a, b
gc.collect()
m = Node(2, 3)
gc.collect()
gc.is_tracked(m)
