import sys, gc
x = [1, 2, 3]
sys.getrefcount(x)
w = x.__len__
type(w).__name__
sys.getrefcount(x)
w()
w is x.__len__
sys.getsizeof(w), gc.is_tracked(w)
repr(w).split(' at ')[0]
del w
sys.getrefcount(x)
n = len(gc.get_objects())
ws = [x.__len__, x.__iter__, x.__eq__]
len(gc.get_objects()) - n
sys.getrefcount(x)
del ws
sys.getrefcount(x)
x.__len__(), x.__repr__(), x.__str__(), x.__hash__
x.__eq__([1, 2, 3]), x.__eq__((1, 2, 3)), x.__ne__(x), x.__lt__([2]), x.__ge__(5)
x.__contains__(2), x.__contains__(9), x.__getitem__(1), list(x.__iter__())
(1).__eq__(1), (1).__eq__(1.0), (1.0).__eq__(1), True.__eq__(1), (1).__lt__(2), (2).__gt__('a')
'ab'.__eq__('ab'), 'ab'.__eq__(1), 'ab'.__lt__('b'), 'ab'.__len__(), 'ab'.__contains__('a'), 'ab'.__getitem__(0)
{}.__eq__({}), {}.__lt__({}), {1}.__le__({1, 2}), {1}.__lt__(frozenset({1})), {1}.__eq__([1])
(1, 2).__hash__() == hash((1, 2)), (5).__hash__(), None.__hash__() == hash(None), None.__eq__(None), None.__eq__(0), None.__ne__(None)
o = object()
o.__eq__(o), o.__eq__(1), o.__ne__(o), o.__ne__(1), o.__lt__(o)
range(3).__len__(), range(3).__eq__(range(3)), range(3).__lt__(range(3)), range(3).__contains__(2)
(5).__repr__(), (5).__str__(), 'a'.__repr__(), 'a'.__str__(), b'x'.__repr__(), (1.5).__repr__()
s = 'hello world'
s.__str__() is s
{'a': 1}.__contains__('a'), {'a': 1}.__getitem__('a'), frozenset({1}).__contains__(1)
repr(x.__getitem__).split(' at ')[0], repr({}.__contains__).split(' at ')[0]
def t(fn):
    try:
        return fn()
    except TypeError as e:
        return 'TypeError: ' + str(e)

t(lambda: x.__len__(1))
t(lambda: x.__eq__())
t(lambda: x.__hash__())
t(lambda: 'a'.__contains__(1))
t(lambda: {}.__contains__([]))
t(lambda: {}.__contains__())
t(lambda: x.__getitem__('a'))
w = (5).__repr__
t(lambda: w(1))
del w
sys.getrefcount(x)
gc.collect(); a = len(x); gc.get_count()
gc.collect(); a = x.__len__(); gc.get_count()
gc.collect(); a = x.__eq__(x); gc.get_count()
gc.collect(); a = x.__repr__(); gc.get_count()
gc.collect(); w = x.__len__; gc.get_count()
sys.getrefcount(x)
del w
gc.collect(); gc.get_count()
gc.collect(); a = (1).__eq__(2); gc.get_count()
gc.collect(); w = x.__eq__; a = w(x); gc.get_count()
del w
sys.getrefcount(x)
'done'
