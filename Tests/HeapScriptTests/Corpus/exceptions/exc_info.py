import sys
sys.exc_info()
try:
    raise KeyError('k')
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v)

try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(type(tb).__name__, sys.getsizeof(tb), tb is sys.exc_info()[2])

del tb
ValueError().__traceback__ is None
try:
    raise ValueError('v')
except ValueError:
    sys.getrefcount(sys.exc_info()[1])

def f():
    try:
        raise KeyError('k')
    except KeyError:
        v = sys.exc_info()[1]
        return sys.getrefcount(v)

f()
def g():
    try:
        raise KeyError('k')
    except KeyError as e:
        try:
            raise ValueError('inner')
        except ValueError as inner:
            return sys.getrefcount(e), sys.getrefcount(inner)

g()
