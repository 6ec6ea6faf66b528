import sys, gc
# `list.append` is the method descriptor in list's dict, made once when the type was
# readied: the same object at every lookup, held by the dict.
list.append is list.append
sys.getrefcount(list.append)
type(list.append), type(str.join).__name__, type(dict.get)
class L(list):
    pass

L.append is list.append
f = list.append
sys.getrefcount(f)
l = []
f(l, 3)
l
del f
sys.getrefcount(list.append)
# Binding it to an instance makes a new builtin method each time.
[].append is [].append
type([].append)
sys.getsizeof(list.append) == sys.getsizeof(len), list.append.__sizeof__() == len.__sizeof__()
gc.is_tracked(list.append)
list.append
dict.fromkeys is dict.fromkeys
str.join(', ', ['a', 'b'])
import weakref
weakref.ref(list.append)
