s = 'Hello, World'
s.upper()
s.lower()
s.split(', ')
s.replace('World', 'heap')
s.startswith('Hell')
s.endswith('x')
s.find('o')
'-'.join(['a', 'b', 'c'])
'  pad  '.strip()
s[0]
s[-5:]
len(s)
s * 2
'x' in s
'W' in s
str(42)
int('17')
float('2.5')
repr('a\'b')
repr("quote\"s")
hex(255)
abs(-7)
abs(-2.5)
f'{s} has {len(s)} chars'
f'{1 + 2}{"!"}'
'abc' < 'abd'
'é'
'😀'
'tab\there'
'new\nline'
print('new\nline')
b'bytes\x00\xff'
