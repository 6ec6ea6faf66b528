import weakref
class C:
    pass

a, b, c = C(), C(), C()
ws = weakref.WeakSet([a])
u = ws.union([b])
type(u).__name__, len(u), a in u, b in u
i = ws.intersection([a, c])
len(i), a in i
d = ws.difference([a])
len(d)
s = ws.symmetric_difference([a, b])
len(s), b in s, a in s
ws.isdisjoint([b]), ws.isdisjoint([a])
ws.update([b])
len(ws)
ws.difference_update([b])
len(ws), b in ws
ws.symmetric_difference_update([a, c])
len(ws), a in ws, c in ws
ws.copy() == ws
ws.remove(c)
len(ws)
del c
len(s), len(u)
del b
len(s), len(u)
