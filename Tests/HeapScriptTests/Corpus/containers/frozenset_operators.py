# The set operators with a frozenset on the left give a frozenset (make_new_set_basetype),
# on the right the left operand's type; empty results are new objects on every version.
import sys, gc
a = frozenset([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
b = frozenset([2, 3])
s = {3, 4, 99}
for r in (a | b, a & b, a - b, a ^ b, b - a, a | s, s | a, a & s, s & a, a - s, s - a, a ^ s, s ^ a, b & b, b | b):
    print(type(r).__name__, sorted(r), sys.getsizeof(r), gc.is_tracked(r))

e = b - b
print(type(e).__name__, e, sys.getsizeof(e))
f = frozenset("ab")
f |= {"c"}
print(type(f).__name__, sorted(f))
f -= {"a"}
print(type(f).__name__, sorted(f), sys.getrefcount(f))
x = frozenset(range(100)) - frozenset([5])
print(len(x), sys.getsizeof(x), hash(frozenset([1, 2])) == hash(frozenset([1, 2]) | frozenset()))
print(frozenset() | frozenset(), frozenset([1]) & frozenset([2]))
d = {frozenset([1]) | {2}: "k"}
print(d[frozenset([1, 2])], sys.getrefcount(a), sys.getrefcount(b))
