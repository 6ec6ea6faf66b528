import sys
s = 'hello'
E = ''
L = 'aAbBqQ0 '
s.center(9, '*'), s.ljust(7), s.rjust(7, '-'), s.zfill(8), '-42'.zfill(6), '+'.zfill(3)
s.center(10), s.center(2), 'abc'.center(6), 'abc'.center(7, 'é')
s.center(1) is s, s.ljust(5) is s, s.rjust(-3) is s, s.zfill(0) is s
x = 'x'
e = ''.center(1, 'x')
e, e is x, sys.getrefcount(e)
z = ''.zfill(1)
z, z is L[6], sys.getsizeof(z)
sys.getsizeof(s.center(20)), sys.getsizeof('é'.center(30)), sys.getsizeof('a'.ljust(3, '€'))
t = 'a b c'.partition(' ')
t, sys.getsizeof(t), t[1] is L[7], sys.getrefcount(t[2])
sep = ', '
p = 'x, y, z'.rpartition(sep)
p, p[1] is sep, sys.getrefcount(sep)
q = s.partition('q')
q, q[0] is s, q[1] is q[2], 'abc'.rpartition('x')
'ab'.partition('')
'ab'.partition(1)
'a\tb\tc'.expandtabs(), 'a\tbc\td'.expandtabs(3), '\t'.expandtabs(0), 'x\n\ty'.expandtabs(tabsize=2)
s.expandtabs() is s
'ab'.center(5, 'xy')
'ab'.center(5, 1)
'AbC dE'.swapcase(), 'ABC'.casefold(), 'Hello World'.istitle(), 'hello World'.istitle(), ''.istitle()
' \t\n'.isspace(), ''.isspace(), 'ABC'.isupper(), 'AbC'.isupper(), 'abc1'.islower(), '123'.isupper()
'123'.isdecimal(), '12a'.isnumeric(), 'a1b2'.isalnum(), 'a b'.isalnum(), 'ab\n'.isprintable(), ''.isprintable()
c = 'a'.swapcase()
c, c is L[1], sys.getrefcount(c)
'a'.upper() is L[1], 'B'.lower() is L[2], 'q'.title() is L[5], ''.upper() is E
u = ''.join([s])
u is s, ''.join(['a', '']) is L[0], ''.join([]) is E, '-'.join(['ab', 'c'])
'abcabc'.rfind('bc'), 'abc'.rfind(''), 'abc'.rfind('x'), 'abcabc'.rindex('a'), 'abc'.rindex('')
'abc'.rindex('x')
'abc'.rfind(1)
