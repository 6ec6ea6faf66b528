import gc
class A:
    pass

class B(A):
    pass

b = B()
b.x = 1
b.x
B.x = property(lambda self: 'a property now')
b.x
vars(b)
A.y = property(lambda self: 'from the base', lambda self, v: print('stored', v))
b.y = 5
b.y
del A.y
b.y = 6
b.y
def init(self):
    self.z = 3

B.__init__ = init
B().z
def init_nothing(self):
    pass

B.__init__ = init_nothing
hasattr(B(), 'z')
def setattr_hook(self, k, v):
    print('setattr', k, v)

A.__setattr__ = setattr_hook
b.w = 1
b.w
vars(b)
class C:
    v = 'first'

C().v
del C
gc.collect()
class C:
    pass

hasattr(C(), 'v')
C.v = 'second'
C().v
