import sys
n = 1000
n.bit_length(), (0).bit_length(), (-255).bit_length(), (2**100).bit_length()
n.conjugate() is n, sys.getrefcount(n)
r = n.as_integer_ratio()
r, r[0] is n, sys.getsizeof(r), sys.getrefcount(n)
f = 2.5
f.is_integer(), (3.0).is_integer(), float('inf').is_integer(), float('nan').is_integer()
f.conjugate() is f, sys.getrefcount(f)
