import sys
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

'{} memory used: {} MB'.format('list', 3.5), '{0}-{1}-{0}'.format('a', 'b'), '{x}:{y!r}'.format(x=1, y='s'), '{{}} {}'.format(1)
'{:>10}|{:.2f}|{:,}'.format('ab', 3.14159, 1234567), '{0:^9}'.format('mid'), '{!s:>5}'.format(None), '{}'.format([1, 2])
'{} {}'.format(1, 2, 3), ''.format(), 'plain'.format(), '{0}{0}'.format(7), '{}'.format('a') is 'a'
show(lambda: '{} {}'.format(1))
show(lambda: '{1}'.format(1))
show(lambda: '{x}'.format(y=1))
show(lambda: '{0} {}'.format(1, 2))
show(lambda: '{} {0}'.format(1, 2))
show(lambda: '{'.format())
show(lambda: '}'.format())
show(lambda: '{0!x}'.format(1))
show(lambda: '{:d}'.format('a'))
s = 'size {}'.format(10)
sys.getsizeof(s), sys.getrefcount(s)
s = 'hello world'
f'{s:5}' is s, '{:5}'.format(s) is s, format(s, '5') is s, f'{s:.20}' is s, f'{s:>5}' is s, f'{s:20}' is s, '{}'.format(s) is s, '{}{}'.format(s, '') is s, '{!s}'.format(s) is s, 'plain'.format() is 'plain', '{}'.format(1.5) == '1.5'
x = 'ab{{'
x.format() is x
