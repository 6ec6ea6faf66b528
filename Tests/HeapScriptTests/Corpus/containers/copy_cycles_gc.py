import copy, sys, gc
gc.collect()
a = [1]; a.append(a)
gc.collect(); b = copy.deepcopy(a); print(b[1] is b, b is a, sys.getrefcount(b), sys.getsizeof(b), gc.get_count())
del a, b
print(gc.collect())
d = {'x': [1, 2]}; d['me'] = d; d['list'] = [d, d['x']]
gc.collect(); e = copy.deepcopy(d); print(e['me'] is e, e['list'][0] is e, e['list'][1] is e['x'], gc.get_count())
print(sys.getrefcount(e), sys.getrefcount(e['x']), sys.getsizeof(e), sys.getsizeof(e['list']))
del e
print(gc.collect())
del d
print(gc.collect())
gc.collect(); s = copy.copy([[1], [2]]); print(sys.getrefcount(s), gc.get_count())
t = ([],); t[0].append(t)
gc.collect(); u = copy.deepcopy(t); print(u is t, u[0][0] is u, u[0] is t[0], gc.get_count())
del t, u
print(gc.collect())
