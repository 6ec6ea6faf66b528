import weakref, gc, sys
class C:
    pass

def show(tag):
    print(tag, gc.get_count())

c = C()
gc.collect(); f = weakref.finalize(c, show, 'first'); gc.get_count()
gc.collect(); g = weakref.finalize(c, show, 'second'); gc.get_count()
gc.collect(); del c; gc.get_count()
f.alive, g.alive
d = C()
gc.collect(); h = weakref.finalize(d, print, 'd'); h(); gc.get_count()
len(type(h)._registry)
