import weakref
class C:
    pass

d = C()
w = weakref.ref(d, print)
