import sys
d={1:2,3:4,5:6}
s={1,2,3}
sys.getsizeof(list(d)), sys.getsizeof(list(s)), sys.getsizeof(sorted(d)), sys.getsizeof(list(d.items())), sys.getsizeof(list(d.values())), sys.getsizeof(list(frozenset(s)))
a=[1]
a.extend(d)
sys.getsizeof(a)
b = []
b.extend(s)
sys.getsizeof(b)
sys.getsizeof(list(d.keys()))
b += d
sys.getsizeof(b)
