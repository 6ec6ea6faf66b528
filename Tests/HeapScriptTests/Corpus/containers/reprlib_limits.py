import reprlib
reprlib.repr(list(range(100)))
reprlib.repr(tuple(range(3)))
reprlib.repr((1,))
reprlib.repr(())
reprlib.repr([])
reprlib.repr('x' * 100)
reprlib.repr('abcdefghijklmnopqrstuvwxyz' * 3)
reprlib.repr("it's " * 20)
reprlib.repr(2 ** 200)
reprlib.repr(-3 ** 150)
reprlib.repr(12345)
reprlib.repr({i: str(i) * 3 for i in range(10)})
reprlib.repr({})
reprlib.repr(set(range(50, 0, -3)))
reprlib.repr(set())
reprlib.repr(frozenset('hello world'))
reprlib.repr(frozenset())
reprlib.repr([[[[[[[[1]]]]]]]])
reprlib.repr({'a': {'b': {'c': {'d': {'e': {'f': {'g': 1}}}}}}})
reprlib.repr([(1, 2), {3: 4}, {5, 6}, 'seven' * 9, 8.5, None, True])
reprlib.repr(3.141592653589793)
reprlib.repr(b'bytes' * 20)
from array import array
reprlib.repr(array('i', range(20)))
reprlib.repr(array('d'))
reprlib.repr(set([3, 'a', 1.5]))
reprlib.repr({'b': 1, 2: 'a'})
print(reprlib.repr(list(range(100))))
r = reprlib.Repr()
r.maxlist = 3
r.maxstring = 10
r.maxlevel = 2
r.maxlong = 8
r.maxdict = 2
r.repr(list(range(10)))
r.repr('0123456789abcdef')
r.repr([[[1, 2]]])
r.repr(10 ** 20)
r.repr({1: 2, 3: 4, 5: 6})
r.fillvalue = '+++'
r.repr(list(range(10)))
r.repr('0123456789abcdef')
r.repr([[[1, 2]]])
r.repr({1: {2: {3: 4}}})
r.maxstring = 2
r.repr('abcdefgh')
r.maxother = 5
r.repr(2.5 ** 0.5)
r.repr1([1, 2, 3, 4, 5], 1)
r.repr_list([1, [2, [3]]], 1)
type(r).__name__, type(reprlib.aRepr) is reprlib.Repr
reprlib.aRepr.maxlist
sorted(vars(r).items())
class MyRepr(reprlib.Repr):
    def repr_int(self, x, level):
        return 'int<%d>' % x

MyRepr().repr([1, 2, (3, 4)])
class C:
    def __repr__(self):
        return 'C(' + 'x' * 50 + ')'

reprlib.repr(C())
reprlib.repr([C(), C()])
class D:
    def __repr__(self):
        return 'D'

reprlib.repr({D(): 1})
reprlib.Repr, reprlib.Repr.__module__, reprlib.Repr.repr.__qualname__
reprlib.recursive_repr.__module__, reprlib.__name__, reprlib.__all__
