# `x *= n` on a list repeats it in place (list_inplace_repeat): one object, resized.
import sys
x = [1, 2]
y = x
x *= 3
y, x is y, sys.getsizeof(x)
item = [7]
z = [item]
z *= 4
sys.getrefcount(item)
z *= 0
z, sys.getsizeof(z), sys.getrefcount(item)
b = 3 * b"ab"
b, sys.getsizeof(b)
