import sys, gc
v = sys.version_info
gc.is_tracked(v)
v.major, v.minor, v.micro, v.releaselevel, v.serial
v[0], v[1], v[-1], v[:2], v[1:3], v[::2]
v >= (3, 6), v < (3, 0), v > (3,), v >= (3, 6, 0, 'final', 0, 1)
(3, 5) < v, (4,) > v
v == tuple(v), v != tuple(v), v == v, tuple(v) is v
a, b, *rest = v
a, b, rest
len(v)
v.n_fields, v.n_sequence_fields, v.n_unnamed_fields
type(v)
type(v).__name__
type(v).__mro__
isinstance(v, tuple)
type(v[:2])
v + (1,)
v * 2
3 in v, 'final' in v, 'alpha' in v
v.count(0), v.index('final')
list(v)
str(v)
repr(v)
'%s' % (v,)
'.'.join(map(str, v[:3])) == '%d.%d.%d' % v[:3]
hash(v) == hash(tuple(v))
hash(v)
{v: 1}[tuple(v)]
sys.getsizeof(v)
sys.getsizeof(v[:2])
sys.version_info is sys.version_info
v is sys.version_info
try:
    v.major = 4
except AttributeError as e:
    print(e)

try:
    del v.minor
except AttributeError as e:
    print(e)

try:
    v.foo
except AttributeError as e:
    print(e)

try:
    type(v)()
except TypeError as e:
    print(e)

try:
    type(v)((3, 0, 0, 'final', 0))
except TypeError as e:
    print(e)

try:
    v[5]
except IndexError as e:
    print(e)

v
