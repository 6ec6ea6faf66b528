import sys
a = 'abc'
b = a + 'def'
sys.getsizeof(b)
c = a * 10
sys.getsizeof(c)
sys.getsizeof(a.upper())
sys.getsizeof('x'.join(['aa', 'bb', 'cc']))
sys.getsizeof(str(123456))
sys.getsizeof(repr([1, 2]))
sys.getsizeof(f'{a}-{a}')
sys.getsizeof('é' + 'a')
sys.getsizeof('a' + '€')
sys.getsizeof('€' + '😀')
sys.getsizeof(hex(4096))
