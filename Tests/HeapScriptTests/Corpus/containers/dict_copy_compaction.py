import sys, gc
def sizes(d):
    return sys.getsizeof(d), sys.getsizeof(d.copy()), sys.getsizeof(dict(d))

for n, k in [(10, 3), (10, 4), (10, 8), (20, 16), (40, 19), (100, 15), (100, 70)]:
    d = {i: i for i in range(n)}
    for i in range(k):
        del d[i]
    e = {}
    e.update(d)
    print(n, k, sizes(d), sys.getsizeof(e))

s = dict.fromkeys('abcdefghij')
for c in 'abcdefgh':
    del s[c]

print(sizes(s), list(s.copy()))
t = {'a': []}
t['a'] = 1
print(gc.is_tracked(t), gc.is_tracked(t.copy()), gc.is_tracked(dict(t)))
u = {'a': 1, 'b': 2, 'c': 3}
del u['a']
print(gc.is_tracked(u.copy()), sys.getsizeof(u.copy()))
x = []
v = {'x': x}
print(sys.getrefcount(x))
w = v.copy()
print(sys.getrefcount(x), w == v, w is v)
