import weakref
class C:
    pass

a = C()
ws = weakref.WeakSet([a])
for x in ws:
    break

len(ws._iterating)
