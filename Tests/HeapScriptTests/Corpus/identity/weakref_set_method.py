import weakref, sys
# Sets, frozensets, bound methods and builtin functions have a weakref list.
class A:
    def m(self):
        pass

a = A()
r = weakref.ref(a.m)
r()
m = a.m
r2 = weakref.ref(m, lambda w: print('method gone', w() is None))
r2() is m, weakref.getweakrefcount(m)
del m
s = {1, 2}
w = weakref.ref(s)
w() is s, weakref.getweakrefcount(s), sys.getrefcount(s)
weakref.ref(s) is w
p = weakref.proxy(s)
len(p), 1 in p
fs = frozenset([1])
wf = weakref.ref(fs, lambda w: print('frozenset gone'))
del fs
wl = weakref.ref(len)
wl() is len
b = [].append
wb = weakref.ref(b, lambda w: print('bound builtin gone'))
del b
ws = weakref.WeakSet()
t = frozenset({5})
ws.add(t)
len(ws)
del t
len(ws)
d = weakref.WeakValueDictionary()
v = frozenset('ab')
d['k'] = v
len(d), 'k' in d
del v
len(d), 'k' in d
del s
w()
