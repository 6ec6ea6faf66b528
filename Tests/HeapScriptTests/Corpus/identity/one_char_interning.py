import sys
s = 'abcdefghijklmnopqrstuvwxyz_BCLST .!'
t = 'a'
s[0] is t
u = 'x'
s[23] is u
w = 'o'
s[14] is w
dot = '.'
s[-2] is dot
sys.intern(s[0]) is t, sys.intern(s[14]) is w
''.join('1' if s[i] is c else '0' for i, c in enumerate(s))
