import weakref, gc, sys
class Node:
    def __del__(self):
        print('del', self.name)

a = Node(); a.name = 'a'
b = Node(); b.name = 'b'
a.peer = b
b.peer = a
d = weakref.WeakKeyDictionary()
d[a] = 'A'
d[b] = a
del a, b
len(d)
gc.collect()
len(d)
sys.getsizeof(d.data), len(d.data)
del d
gc.collect()
