x = (1, 2); y = (1, 2); x is y
a = -1000; b = -1000; a is b
c = 1000; d = 999 + 1; c is d
e = 2 ** 40; f = 2 ** 40; e is f
g = 'ab' * 3; h = 'ab' * 3; g is h
i = 1000; j = 1000; i is j
'ab'[0] is 'ba'[1], 'a\u0100'[1] is '\u0100a'[0]
x = (1, 'q'); x[1] is (2, 'q')[1]
'abc'[5]
import sys
sys.getsizeof('abc'[1])
