import sys
a = [1, 2, 3]
t = (4, 5)
x = [*a, *t]
x
sys.getsizeof(x)
y = [0, *a, 9, *range(3)]
y
sys.getsizeof(y)
z = (*a, 7)
z
sys.getsizeof(z)
s = {*a, *t, 1}
sorted(s)
sys.getsizeof(s)
d = {'k': 1}
e = {**d, 'j': 2}
e
sys.getsizeof(e)
f = {**d}
sys.getsizeof(f), f is d
g = {'a': 0, **d, **e, 'z': 26}
g
sys.getsizeof(g)
[*'ab']
(*'xy',)
{*()}
[*a][0] is a[0]
sys.getrefcount(a[1])
[*1]
{*1}
{**1}
{**[1]}
(*None,)
big = [*a, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]
sys.getsizeof(big), len(big)
v = 1
bd = {'a0': v, 'a1': v, 'a2': v, 'a3': v, 'a4': v, 'a5': v, 'a6': v, 'a7': v, 'a8': v, 'a9': v, 'b0': v, 'b1': v, 'b2': v, 'b3': v, 'b4': v, 'b5': v, 'b6': v, 'b7': v, 'b8': v, 'b9': v}
sys.getsizeof(bd)
bd2 = {'a0': v, 'a1': v, 'a2': v, 'a3': v, 'a4': v, 'a5': v, 'a6': v, 'a7': v, 'a8': v, 'a9': v, 'b0': v, 'b1': v, 'b2': v, 'b3': v, 'b4': v, 'b5': v, 'b6': v, 'b7': v, 'b8': v, 'b9': v, **d}
sys.getsizeof(bd2)
bl = [v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v]
sys.getsizeof(bl)
id(x) == id([*a])
