import sys
r = range(10)
it = iter(r)
sys.getrefcount(r)
l = [1, 2]
it = iter(l)
sys.getrefcount(l)
for x in it: pass

sys.getrefcount(l)
d = {1: 2}
it = iter(d)
for x in it: pass

sys.getrefcount(d)
v = d.values()
it = iter(v)
sys.getrefcount(v), sys.getrefcount(d)
for x in it: pass

sys.getrefcount(v), sys.getrefcount(d)
s = {'a', 'b'}
it = iter(s)
for x in it: pass

sys.getrefcount(s)
type(iter('abc')).__name__, type(iter('é')).__name__
type(iter(d.values())).__name__, type(iter(d.items())).__name__
it = iter(d.items())
a = next(it)
a
d = {1: 1, 2: 2, 3: 3}
it = iter(d.items())
p = next(it)
q = next(it)
p is q
del p
r2 = next(it)
r2 is q
import weakref
class C: pass

c = C()
type(weakref.ref(c)).__name__
for k in d:
    d[k + 10] = k

d
for k in d:
    del d[k]
    d[k + 100] = 1

len(d)
s = {1, 2}
for x in s:
    s.add(x + 10)

s
