import sys
from array import array
a = array('i', [1, 2, 3])
sys.getsizeof(list(iter(a)))
x, *y = a; y, sys.getsizeof(y)
*x, y = iter(a); x, sys.getsizeof(x)
x, y, z = a; x, y, z
x, y, z = iter(a); x, y, z
sys.getsizeof(list(a)), sys.getsizeof(tuple(a)), sys.getsizeof(sorted(a)), sys.getsizeof([v for v in a])
l = [1]; l.extend(iter(a)); sys.getsizeof(l)
l = [1]; l += iter(a); sys.getsizeof(l)
sum(iter(a)), max(iter(a)), list(map(str, a)), list(enumerate(a))
