import sys, gc
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
    @classmethod
    def make(cls):
        return cls()
    @staticmethod
    def twice(x):
        return 2 * x

Counter.make().count
Counter().make().count
Counter.twice(21)
Counter.twice.__qualname__
m = Counter.make
m.__self__ is Counter, m.__func__ is Counter.make.__func__, m is Counter.make
sys.getrefcount(m.__func__), sys.getrefcount(Counter)
class Sub(Counter):
    pass

Sub.make().__class__.__name__
Sub.count, Counter.count
gc.collect()
del Sub, Counter, m
gc.collect()
