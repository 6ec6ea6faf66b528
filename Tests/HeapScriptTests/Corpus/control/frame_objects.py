import gc
# Before 3.11 every call runs in a frame object, a GC object: the code keeps the last one
# (its zombie frame) for the next call, so only a first call counts one more object.
def f():
    pass

_ = gc.collect(); f(); gc.get_count()
_ = gc.collect(); f(); gc.get_count()
_ = gc.collect(); x = [i for i in range(3)]; gc.get_count()
# Two equal comprehensions on one line share one code object, and so one frame.
_ = gc.collect(); x = [i for i in range(3)]; y = [i for i in range(3)]; gc.get_count()
_ = gc.collect(); x = [i for i in range(3)]; w = 0; y = [i for i in range(3)]; x is y, gc.get_count()
def g(n):
    return [i * i for i in range(n)]

_ = gc.collect(); a = g(2); b = g(3); gc.get_count()
_ = gc.collect(); a = g(2); b = g(3); gc.get_count()
class K:
    def __init__(self):
        self.v = 1

_ = gc.collect(); k = [K() for _ in range(2)]; gc.get_count()
_ = gc.collect(); k = [K() for _ in range(2)]; gc.get_count()
def h(n):
    return h(n - 1) if n else 0

_ = gc.collect(); _ = h(3); gc.get_count()
_ = gc.collect(); _ = h(3); gc.get_count()
_ = gc.collect(); _ = h(5); gc.get_count()
_ = gc.collect(); _ = gc.collect(); _ = h(2); gc.get_count()
