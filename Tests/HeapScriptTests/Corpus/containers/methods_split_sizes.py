import sys
[sys.getsizeof(' '.join('x' * n).split()) for n in range(0, 16)]
[sys.getsizeof(','.join('x' * n).split(',')) for n in range(0, 16)]
sys.getsizeof('abc'.split('abcd')), sys.getsizeof('abc'.split('é')), sys.getsizeof('ab€'.split('€'))
s = 'wo-rd!'
l = s.split()
l[0] is s, sys.getsizeof(l), sys.getrefcount(s)
