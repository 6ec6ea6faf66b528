import gc, sys
class Node:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return 'Node(%r)' % self.name

_ = gc.collect()
a = Node('a'); b = Node('b')
a.peer = b; b.peer = a
del a, b
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.collect())
gc.set_debug(0)
import pprint
pprint.pprint(gc.garbage)
pprint.pprint(sorted(repr(o) for o in gc.garbage), width=30)
x = [1, 2]
print(sys.getrefcount(x))
pprint.pprint(x)
print(sys.getrefcount(x))
print(gc.get_count())
