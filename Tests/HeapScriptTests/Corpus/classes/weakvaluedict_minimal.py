import weakref
class C:
    pass

d = weakref.WeakValueDictionary()
a = C()
d['k'] = a
len(d)
