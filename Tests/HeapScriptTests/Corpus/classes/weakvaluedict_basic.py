import weakref, gc, sys
class C:
    pass

d = weakref.WeakValueDictionary()
a = C()
b = C()
d['k'] = a
d['j'] = b
sys.getrefcount(a)
len(d), 'k' in d, 'x' in d, d.get('k') is a, d.get('x'), d.get('x', 5)
d['k'] is a
sorted(d.keys()), sorted(k for k in d)
[v is a or v is b for v in d.values()]
sorted(k for k, v in d.items())
len(d.valuerefs()), len(d.data)
sys.getsizeof(d), sys.getsizeof(d.data)
del a
[k for k in d], len(d), 'k' in d, d.get('k')
d.pop('j') is b
len(d)
d.setdefault('s', b) is b
d.setdefault('s', C()) is b
d.update({'u': b}, v=b)
sorted(d.keys())
e = d.copy()
sorted(e.keys()), len(e)
del b
len(d), len(e), [k for k in d], [k for k in e]
