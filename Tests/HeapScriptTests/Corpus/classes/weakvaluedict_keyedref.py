import weakref, gc, sys
class C:
    pass

n = gc.collect()
d = weakref.WeakValueDictionary()
a = C()
d['k'] = a
r = d.valuerefs()[0]
r() is a, r.key, sys.getsizeof(r), sys.getrefcount(r), weakref.getweakrefcount(a)
gc.is_tracked(r), len(gc.get_referents(r)), isinstance(r, weakref.ref), callable(r)
r == weakref.ref(a), r != weakref.ref(a)
sys.getrefcount(d), sys.getrefcount(d.data), sys.getrefcount(d._remove)
len(d._remove.__defaults__), d._remove.__defaults__[0]() is d
w = weakref.ref(a)
weakref.getweakrefs(a)[0] is w, weakref.getweakrefs(a)[1] is r
del a
r(), r.key, sys.getrefcount(r), len(d), len(d.data)
del r, w
b = C()
d['b'] = b
d['b'] = b
len(d), weakref.getweakrefcount(b)
d2 = weakref.WeakValueDictionary({'x': b, 'y': b})
weakref.getweakrefcount(b), len(d2)
del d2
weakref.getweakrefcount(b)
gc.collect()
d3 = weakref.WeakValueDictionary(d)
len(d3), d3['b'] is b
del d
gc.collect()
d3.popitem()[0]
len(d3)
x = C()
d3[1] = x
del d3
gc.collect()
weakref.getweakrefcount(x)
