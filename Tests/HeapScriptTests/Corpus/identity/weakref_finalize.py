import weakref, sys
class C:
    pass

c = C()
f = weakref.finalize(c, print, 'gone')
f.alive
f.atexit
sys.getsizeof(f)
type(f)
type(f).__module__, type(f).__qualname__, type(f).__slots__
sys.getrefcount(c), sys.getrefcount(f)
weakref.getweakrefcount(c)
info = type(f)._registry[f]
type(info).__qualname__, sys.getsizeof(info), info.index >= 0, info.args, info.kwargs, info.atexit
del info
try:
    weakref.ref(f)
except TypeError as e:
    print(e)

del c
f.alive
f()
f.peek(), f.detach(), f.atexit
