# weakref.ref's __callback__ member: the callback while the referent lives, None after
# (clear_weakref drops it before calling it).
import weakref, sys
class A:
    pass

def cb(r):
    print("callback sees", r.__callback__)

a = A()
r = weakref.ref(a, cb)
print(r.__callback__ is cb, weakref.ref(a).__callback__, sys.getrefcount(cb))
del a
print(r.__callback__, sys.getrefcount(cb))
