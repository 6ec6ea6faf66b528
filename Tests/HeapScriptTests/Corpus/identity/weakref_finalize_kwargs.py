import weakref
class C:
    pass

c = C()
f = weakref.finalize(c, print, 'a', 'b', sep='-')
f.peek()[3]
f.alive
f()
