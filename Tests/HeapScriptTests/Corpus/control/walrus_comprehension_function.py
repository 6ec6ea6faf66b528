import sys
def g(items):
    global gw
    r = [gw := x for x in items]
    return gw, len(r)

print(g('abc'), gw)
def f(items):
    out = [(hit := x) for x in items if len(x) > 1]
    return out, hit, sys.getrefcount(hit)

o = [object()] * 2
print(f([[1], [2, 3], [4, 5]]), sys.getrefcount(o[0]))
def running(values):
    total = 0
    partial = [total := total + v for v in values]
    return partial, total

print(running([1, 2, 3, 4]))
def nested(n):
    grid = [[(cell := (r, c)) for c in range(n)] for r in range(n)]
    return grid, cell

print(nested(2))
def keep(items):
    [last := x for x in items]
    return sys.getrefcount(last)

print(keep([object()]), keep(o))
def empty(items):
    [y := x for x in items]
    return y

try:
    empty([])
except UnboundLocalError as e:
    print(e)

def dicts(keys):
    d = {k: (v := k.upper()) for k in keys}
    return d, v

print(dicts('xy'))
def sets(n):
    s = {(m := i % 3) for i in range(n)}
    return sorted(s), m

print(sets(5))
def shadow(x):
    r = [x := i for i in range(3)]
    return r, x

print(shadow(10))
def f(a):
    return [y for x in a if (y := x * 3)], y

print(f([4, 5]))
class K:
    def meth(self, it):
        return [(z := i) for i in it], z

print(K().meth('ab'))
h = lambda it: ([(w := i) for i in it], w)
print(h('xy'))
def gen_in(a):
    return [[(deep := j) for j in range(i)] for i in a], deep

print(gen_in([1, 2]))
