import weakref
class C:
    pass

d = weakref.WeakKeyDictionary()
a = C()
d[a] = 1
len(d)
d.pop(a)
len(d)
