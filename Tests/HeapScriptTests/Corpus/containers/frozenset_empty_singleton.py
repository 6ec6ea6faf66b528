# Before 3.10 every empty frozenset() is one object (frozenset_new's emptyfrozenset): 3.8
# makes it at the first call and keeps it; 3.6's start-up made it (its count is refused).
import sys, gc
a = frozenset()
print(a is frozenset(), a is frozenset([]), frozenset(set()) is a, frozenset("") is a)
print(gc.is_tracked(a), sys.getsizeof(a), len(a), a == set())
b = frozenset([1]) - frozenset([1])
print(b is a, b == a, sys.getsizeof(b))
print(frozenset(x for x in ()) is a)
print(sys.getrefcount(a))
