import sys
t = (1, 2)
e = ()
(t + e) is t, (e + t) is t, (e + e) is e
u = t + e
sys.getrefcount(t), sys.getsizeof(u), u == t
t += ()
t is u
