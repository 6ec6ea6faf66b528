import sys
s = 'hello'
E = ''
s.removeprefix('he'), s.removesuffix('lo'), s.removeprefix('x') is s, s.removesuffix('') is s
r = s.removeprefix('hell')
r, r is s[4], sys.getsizeof(s.removesuffix('o'))
'abc'.isascii(), 'é'.isascii(), ''.isascii()
s.removeprefix(1)
