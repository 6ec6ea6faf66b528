import sys
# A format result with characters beyond ASCII: widths count code points.
'{:>6}|{:^7}|'.format('é', '日本')
f"{'ü':*<5}"
'%5s|%-4s|' % ('é', 'ß')
'{:<10}'.format('Größe'), '{0}{0}'.format('€')
s = 'x{}y'.format('日本語')
s, len(s), sys.getsizeof(s)
t = '%s and %s' % ('naïve', 'café')
t, len(t), sys.getsizeof(t)
'{:.2}'.format('éèê'), '%.1s' % 'ñx'
u = '{}-{}'.format('a' * 60, 'b' * 60)
len(u), sys.getsizeof(u)
