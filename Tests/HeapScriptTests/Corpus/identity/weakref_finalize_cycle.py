import weakref, gc, sys
gc.collect()
class Node:
    pass

a = Node()
a.me = a
f = weakref.finalize(a, print, 'cycle gone')
del a
f.alive
gc.collect()
f.alive
b = Node()
b.me = b
g = weakref.finalize(b, print, 'second', 'cycle')
del b
gc.collect()
g.alive, g(), g.peek()
