import sys, gc
class Singleton:
    _instance = None
    def __new__(cls, *args, **kwargs):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self, value):
        self.value = value

a = Singleton(1)
b = Singleton(2)
a is b, a.value
sys.getrefcount(a)
type(Singleton.__dict__['__new__']).__name__
Singleton.__new__ is Singleton.__dict__['__new__'].__func__
object.__new__(Singleton) is a
class Point:
    def __new__(cls, x, y=0, *, tag=None):
        print('new', cls.__name__, sys.getrefcount(x))
        self = object.__new__(cls)
        self.tag = tag
        return self
    def __init__(self, x, y=0, *, tag=None):
        print('init', sys.getrefcount(x))
        self.x, self.y = x, y

p = Point([], 2, tag='t')
p.x, p.y, p.tag
class Point3(Point):
    pass

q = Point3([])
type(q).__name__, q.x
class NotMine:
    def __new__(cls):
        return [1, 2]
    def __init__(self):
        print('never')

NotMine()
gc.collect(); xs = [Point(i + 1000) for i in range(3)]; gc.get_count()
del xs
class Args:
    def __new__(cls, *a):
        return super().__new__(cls, *a)

Args().__class__.__name__
Args(1)
object.__new__(Point, 1)
object.__new__(1)
object.__new__()
class Plain:
    def __init__(self, v):
        self.v = v

object.__new__(Plain, 1).__class__.__name__
class Bare:
    pass

object.__new__(Bare, 1)
del Singleton
gc.collect()
del a, b
gc.collect()
class Five:
    def __new__(cls, a, b, c, d, e):
        return super().__new__(cls)

Five(1, 2, 3, 4, 5).__class__.__name__
