import weakref, gc
D = weakref.WeakKeyDictionary
class C:
    pass

a = C()
gc.collect(); d = D(); gc.get_count()
gc.collect(); d[a] = 1; gc.get_count()
gc.collect(); e = D({a: 2}); gc.get_count()
gc.collect(); n = len(list(d.items())); gc.get_count()
gc.collect(); x = a in d, d.get(a), len(d); gc.get_count()
gc.collect(); del d, e; gc.get_count()
