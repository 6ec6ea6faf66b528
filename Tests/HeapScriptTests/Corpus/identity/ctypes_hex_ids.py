import ctypes
first = [1, 2, 3]
second = first
id(first) == id(second)
hex(id(first)) == hex(id(second))
hex(id(first)) != hex(id(second))
first = [4, 5, 6]
id(first) == id(second)
hex(id(first)) == hex(id(second))
str(id(first)) == str(id(first)), repr(id(second)) == str(id(second))
oct(id(first)) == oct(id(second)), bin(id(first)) == bin(id(first))
f'{id(first)}' == str(id(first)), format(id(first), '#x') == hex(id(first))
format(id(first), 'x') == format(id(second), 'x')
h = hex(id(second))
type(h), isinstance(h, str), str(h) is h, f'{h}' is h
h in [hex(id(first)), hex(id(second))], h in [hex(id(first))]
ctypes.c_long.from_address(id(second)).value
