import sys
a = 'hello'
b = 'hello'
a is b
a = 'hello world'
b = 'hello world'
a is b
a, b = 'hello world', 'hello world'
a is b
c = 'hello'
d = ''.join(['hel', 'lo'])
c is d
c == d
e = sys.intern(d)
e is c
x = 'not an identifier!'
y = 'not an identifier' + '!'
x is y
p = sys.intern('some long text with spaces ' * 2)
q = sys.intern('some long text with spaces ' * 2)
p is q
'a' is 'a'
s1 = 'a'
s2 = 'xa'[1]
s1 is s2
