import sys
def f(): pass

objs = [[], [1, 2, 3], (), (1, 2), {}, {'a': 1}, set(), {1, 2}, frozenset({1}), '', 'abc', 'é', '€', b'', b'ab', 0, 1, 2**40, -5, 2**100, 1.5, True, False, None, object(), range(5), iter([1]), iter(()), iter(''), iter({}), iter(range(3)), enumerate([]), zip(), reversed([]), ..., NotImplemented, f]
for o in objs:
    print(type(o).__name__, o.__sizeof__(), sys.getsizeof(o), sys.getsizeof(o) - o.__sizeof__())

for o in objs:
    print(type(o).__name__, type(o).__sizeof__(o))

for o in [[1, 2], (1, 2, 3), {'a': 1}, {1}, b'abc', 2.5, None, object(), range(3), iter([]), f]:
    print(type(o).__name__, object.__sizeof__(o), o.__sizeof__())

x = [1, 2, 3]
x.append(4)
x.__sizeof__(), sys.getsizeof(x)
d = {}
for k in range(10):
    d[k] = k

d.__sizeof__(), sys.getsizeof(d)
s = set(range(20))
s.__sizeof__(), sys.getsizeof(s)
int.__sizeof__(True), bool.__sizeof__(False), int.__sizeof__(2**64)
list.__sizeof__([]), dict.__sizeof__({}), str.__sizeof__('hello')
tuple.__sizeof__((1,)), float.__sizeof__(0.5)
m = x.__sizeof__
m()
m is x.__sizeof__
sys.getrefcount(x)
del m
sys.getrefcount(x)
repr(x.__sizeof__).split(' at ')[0]
list.__sizeof__
float.__sizeof__
repr(True.__sizeof__).split(' at ')[0]
bool.__sizeof__
def t(fn):
    try:
        return fn()
    except TypeError as e:
        return 'TypeError: ' + str(e)

t(lambda: [].__sizeof__(1))
t(lambda: list.__sizeof__(1))
t(lambda: list.__sizeof__())
t(lambda: object.__sizeof__())
t(lambda: int.__sizeof__('a'))
t(lambda: [].__sizeof__(x=1))
t(lambda: list.__sizeof__([], 1))
t(lambda: (1.5).__sizeof__(2))
t(lambda: float.__sizeof__())
t(lambda: dict.__sizeof__([]))
t(lambda: set.__sizeof__(frozenset({1})))
t(lambda: bool.__sizeof__())
t(lambda: list.append(1, 2))
t(lambda: dict.get())
try:
    x.__sizeof__ = 5
except AttributeError as e:
    print(e)

'done'
class C: pass

class S:
    __slots__ = ('a', 'b')

object.__sizeof__(C()), sys.getsizeof(C())
object.__sizeof__(S()), sys.getsizeof(S())
f.__sizeof__(), repr(f.__sizeof__).split(' at ')[0]
dd = {'a': 1}
class K:
    def m(self): pass

for o in [dd.keys(), dd.values(), dd.items(), [].append, K().m, iter(dd.values()), iter(dd.items()), iter({1}), map(f, []), filter(None, []), zip([1], [2]), enumerate([1], 5), reversed(range(3))]:
    print(type(o).__name__, sys.getsizeof(o), o.__sizeof__(), object.__sizeof__(o))

'done'
