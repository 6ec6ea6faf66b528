t = (1, 2, 3)
a, b, c = t
a + b + c
(x, y), z = (1, 2), 3
x, y, z
a, b = b, a
a, b
t[1]
t[1:]
len(t)
t + (4,)
t * 2
tuple([1, 2])
(1,)
()
p = 1, 2
p
1 in t
t.index(3)
t.count(1)
[a, b] = [10, 20]
a, b
