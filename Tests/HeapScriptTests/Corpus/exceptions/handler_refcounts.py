import sys
try:
    raise ValueError('x', 2)
except ValueError as e:
    print(sys.getrefcount(e), e.args)

try:
    e
except NameError:
    print('e unbound')

def f(x):
    try:
        x.missing
    except (KeyError, AttributeError) as err:
        print(type(err).__name__, sys.getrefcount(err), sys.getrefcount(x))
    return sys.getrefcount(x)

o = object()
f(o)
sys.getrefcount(o)
def g():
    try:
        return 'body'
    finally:
        print('finally runs')

g()
def h(n):
    out = []
    for i in range(n):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        except ValueError:
            pass
        else:
            out.append('else')
        finally:
            out.append(-i)
    return out

h(5)
def nested():
    try:
        try:
            1 / 0
        except ZeroDivisionError as inner:
            print('inner', inner)
            raise
        finally:
            print('inner finally')
    except ArithmeticError as outer:
        print('outer', outer, sys.getrefcount(outer))

nested()
def raising_in_finally():
    try:
        return [1, 2]
    finally:
        print('cleanup')

r = raising_in_finally()
sys.getrefcount(r)
