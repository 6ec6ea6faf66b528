import weakref, gc, sys
D = weakref.WeakValueDictionary
class C:
    pass

a = C()
gc.collect(); d = D(); gc.get_count()
gc.collect(); x = len(d), 'k' in d, d.get('k'); gc.get_count()
d['k'] = a
gc.collect(); x = len(d), 'k' in d, d.get('k') is a; gc.get_count()
gc.collect(); del d; gc.get_count()
