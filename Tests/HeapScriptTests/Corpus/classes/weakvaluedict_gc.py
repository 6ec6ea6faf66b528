import weakref, gc, sys
class C:
    pass

n = gc.collect()
d = weakref.WeakValueDictionary()
a = C()
a.self = a
d['cycle'] = a
del a
len(d), [k for k in d]
gc.collect()
len(d), [k for k in d]
x = C()
y = C()
x.y = y
y.x = x
d['x'] = x
d['y'] = y
del x, y
gc.collect()
len(d), d.get('x')
def make():
    o = C()
    d['tmp'] = o
    return len(d)

make(), len(d)
