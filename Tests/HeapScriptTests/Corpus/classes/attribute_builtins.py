import sys
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class C:
    pass

class D(C):
    pass

c = C()
x = [1]
setattr(c, 'x', x)
sys.getrefcount(x)
getattr(c, 'x') is x
getattr(c, 'y', 5)
show(lambda: getattr(c, 'y'))
hasattr(c, 'x'), hasattr(c, 'y'), hasattr(1, '__class__'), hasattr(1, 'nope'), hasattr([], 'append')
show(lambda: hasattr(c, 1))
show(lambda: getattr(c, 1))
show(lambda: getattr(c, 1, 2))
show(lambda: setattr(c, 1, 1))
show(lambda: delattr(c, 1))
delattr(c, 'x')
sys.getrefcount(x)
show(lambda: delattr(c, 'x'))
hasattr(c, 'x')
show(lambda: setattr(1, 'x', 1))
show(lambda: delattr(1, 'x'))
getattr(1, '__class__'), getattr(C, '__name__'), getattr([], 'nope', 'default')
show(lambda: getattr(C, 'nope'))
setattr(C, 'k', 7)
c.k, D.k, hasattr(D, 'k')
delattr(C, 'k')
d = {}
getattr(c, 'zz', d) is d
sys.getrefcount(d)
issubclass(bool, int), issubclass(int, bool), issubclass(C, object), issubclass(D, (int, C)), issubclass(int, ())
issubclass(D, C), issubclass(C, D), issubclass(int, (str, (bytes, int)))
show(lambda: issubclass(1, int))
show(lambda: issubclass(int, 1))
show(lambda: issubclass(int, (1, int)))
show(lambda: issubclass(C(), C))
issubclass(int, (int, 1))
c.self = c
setattr(c, 'other', D())
del c
import gc
gc.collect()
