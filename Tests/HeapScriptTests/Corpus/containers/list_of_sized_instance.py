import sys
# list(x) asks a sized iterable its length (PyObject_LengthHint) to presize the list:
# 3.8 asks twice (list_preallocate_exact first), the others once, after __iter__.
class Bag:
    def __init__(self, items, claimed):
        self.items = items
        self.claimed = claimed
    def __iter__(self):
        print('iter')
        for x in self.items:
            yield x
    def __len__(self):
        print('len', self.claimed)
        return self.claimed

l = list(Bag([1, 2, 3], 3))
l, sys.getsizeof(l)
l = list(Bag([1, 2, 3], 100))
sys.getsizeof(l)
l = list(Bag(list(range(20)), 2))
len(l), sys.getsizeof(l)
l = list(Bag([], 0))
sys.getsizeof(l)
class Odd(Bag):
    def __len__(self):
        return 'many'

sys.getsizeof(list(Odd([1, 2], 0)))
class Neg(Bag):
    def __len__(self):
        return -1

list(Neg([1], 0))
b = Bag([[]], 1)
sys.getrefcount(b)
x = list(b)
sys.getrefcount(b), sys.getrefcount(x[0])
# set(), dict.fromkeys() and dict() only iterate: no length asked.
sorted(set(Bag([3, 1, 2], 3)))
dict.fromkeys(Bag('ab', 2))
dict(Bag([(1, 2)], 1))
s = {0}
s.update(Bag([5], 1))
s.difference_update(Bag([0], 1))
s
# sorted() makes its list with PySequence_List: list_extend alone (no preallocation).
r = sorted(Bag([3, 1, 2], 50))
r, sys.getsizeof(r)
sorted(Bag([2, 1], 2), reverse=True)
