import sys, gc
dir()
names = dir()
sys.getrefcount(names), sys.getsizeof(names), len(names)
del names
class C:
    x = 1
    def f(self):
        return 2

class D(C):
    y = 3

c = C()
c.z = 4
[n for n in dir(c) if not n.startswith('__')]
[n for n in dir(D) if not n.startswith('__')]
len(dir(c)), len(dir(C)), len(dir(D)), len(dir(object)), len(dir(int))
dir(C) == dir(C())
dir(D()) == dir(D)
dir(c) == dir(C)
dir([]) == dir(list), dir(1) == dir(int), dir(object) == dir(object())
r = dir(c)
sys.getrefcount(r), sys.getsizeof(r)
r[-1] is 'z', r[-2] is 'x'
gc.collect()
class S:
    __slots__ = ('a', 'b')

[n for n in dir(S()) if not n.startswith('__')]
'__dict__' in dir(S), '__slots__' in dir(S)
dir(1, 2)
dir(x=1)
