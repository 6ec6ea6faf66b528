import weakref
class C:
    pass

a = C()
d = weakref.WeakValueDictionary(k=a)
len(d), d.get('x', 0)
try:
    d['x']
except KeyError as e:
    print(repr(e))

