import sys
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

'%d bytes' % 56, '%s is %d' % ('x', 3), '%5d|%-5d|%05d|%+d|% d' % (42, 42, 42, 42, 42), '%x %X %#x %#o %o' % (255, 255, 255, 8, 8)
'%.2f MB' % 3.14159, '%10.3f|%-10.1f|%e|%.3E|%g|%G' % (3.14159, 2.5, 12345.678, 0.00012, 1e20, 1e-10), '%%' % (), '100%%' % ()
'%s' % [1, 2], '%r' % 'a', '%s %s' % (None, True), '%(a)s-%(b)d' % {'a': 'x', 'b': 5}, '%c%c' % (65, 'b'), '%d' % 3.7, '%i' % True, '%.3s' % 'abcdef', '%8.3s|' % 'abcdef', '%-8s|' % 'ab'
'%5.2f%%' % 12.345, '%.0f' % 2.5, '%#.0f' % 2.0, '%+.1e' % -0.0, '%.3d' % 7, '%+05d' % -3, '%#5x' % 255, '%-#8o|' % 8, '%s' % (1,), '%s' % ((1, 2),)
'%*d|%-*d|%.*f' % (5, 1, 5, 2, 2, 3.14159), '%ld %hd %Lf' % (1, 2, 3.0), '%u' % 5
show(lambda: '%d %d' % (1,))
show(lambda: '%d' % (1, 2))
show(lambda: '%d' % 'a')
show(lambda: '%x' % 3.5)
show(lambda: '%z' % 1)
show(lambda: '%' % ())
show(lambda: '%(a)s' % 1)
show(lambda: '%c' % 'ab')
show(lambda: '%c' % 1.5)
show(lambda: 'abc' % 1)
show(lambda: '%(a)s' % {})
show(lambda: '%s %(a)s' % {'a': 1})
show(lambda: '%c' % -1)
show(lambda: '%f' % 'x')
s = 'size %d' % 10
sys.getsizeof(s), sys.getrefcount(s), '%s' % 'a' is 'a', 'ab' % () is 'ab'
x = 'abcdef'
y = x % ()
y is x
z = 'a%%b' % ()
z
w = x % {}
w is x
s = 'hello world'
('%s' % s) is s, '{}'.format(s) is s, ('%s' % (s,)) is s, f'{s}' is s, ('%5s' % s) is s
a = 1
b = 'x'
c = '%s is %r' % (a, b)
d = '%-5s|%5.2s%%' % (a, b)
e = '%d' % (a,)
f = '%s' % a
c, d, e, f
'%s %(a)s' % {'a': 1}

