import gc, sys
class E:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        return self.n == o.n
    def __lt__(self, o):
        return self.n < o.n

e, f = E(1), E(2)
e == f
e < f
gc.collect(); x = 1; gc.get_count()
gc.collect(); x = e == f; gc.get_count()
gc.collect(); x = e < f; gc.get_count()
gc.collect(); x = [e] == [f]; gc.get_count()
gc.collect(); x = e in (f, e); gc.get_count()
gc.collect(); x = {e: 1, f: 2}; gc.get_count()
sys.getrefcount(e), sys.getrefcount(f)
class L:
    def __lt__(self, o):
        return True

l = L()
gc.collect(); x = l < l; gc.get_count()
x
sys.getrefcount(l)
