import sys, gc
class Base:
    def __getattribute__(self, name):
        print('base', name, sys.getrefcount(self))
        return super().__getattribute__(name)

class Child(Base):
    def __getattr__(self, name):
        print('child fallback', name, sys.getrefcount(self))
        return len(name)
    def m(self):
        return 'm' + str(sys.getrefcount(self))

c = Child()
c.x = 1
for i in range(3):
    print(c.x, c.yy, c.m())

del c.x
c.x
sys.getrefcount(c)
gc.collect()
