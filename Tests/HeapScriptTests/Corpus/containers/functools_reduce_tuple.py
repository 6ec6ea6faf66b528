import gc, sys, functools
kept = []
def f(a, b):
    kept.extend(r for r in gc.get_referrers(b) if type(r) is tuple and len(r) == 2 and r[1] is b)
    return a + b

functools.reduce(f, [1000, 2000, 3000, 4000])
len(kept), kept[0] is kept[1], sys.getrefcount(kept[0]), kept
del kept
gc.collect()
