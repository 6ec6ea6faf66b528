import weakref, gc
gc.collect()
class C:
    pass

class D:
    def __del__(self):
        print('D del')

a = C(); b = C(); c = C()
f1 = weakref.finalize(a, print, 'a at exit')
f2 = weakref.finalize(b, print, 'b at exit')
f3 = weakref.finalize(c, print, 'c at exit')
f2.atexit = False
f1.atexit, f2.atexit, f3.atexit
d = D()
def late(n):
    print('late', n)

f4 = weakref.finalize(d, late, 4)
e = C()
e.me = e
f5 = weakref.finalize(e, late, 5)
del e
f3.detach() is not None
