a = []
a.append(a)
b = []
b.append(b)
a == b
a < b
a == a
c = {}
c[1] = c
d = {}
d[1] = d
c == d
len(a), len(c)
