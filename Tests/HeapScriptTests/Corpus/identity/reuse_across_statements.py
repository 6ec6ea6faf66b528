n = 7
x = n * 1000000007; a = id(x); del x; y = n * 1000000009; id(y) == a
f = n * 1.5
old = id(f)
del f
g = n * 2.5
id(g) == old
l = [n, n]
old = id(l)
del l
m = [n]
id(m) == old
d = {'a': n}
old = id(d)
del d
e = {'b': n}
id(e) == old
z = n * 1000000011
old = id(z)
del z
w = n * 1000000013
id(w) == old
