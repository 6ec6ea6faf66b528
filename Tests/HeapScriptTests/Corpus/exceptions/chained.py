def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise KeyError(s) from e

parse('x')
try:
    parse('y')
except KeyError as k:
    c = k.__cause__
    print(type(c).__name__, k.__suppress_context__, k.__context__ is c)

c
del c
try:
    {}[1]
except KeyError:
    raise TypeError('t') from None

def ctx():
    try:
        1 / 0
    except ZeroDivisionError:
        [].pop()

ctx()
try:
    ctx()
except IndexError as i:
    print(type(i.__context__).__name__, i.__cause__, i.__suppress_context__)

try:
    raise ValueError from 3
except TypeError as t:
    print(t)

