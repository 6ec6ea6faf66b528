"""Print the CPython 3.11 numbers Tests/HeapEngineTests/Objects assert against.

Run with python3.11 (pyenv 3.11.7):  python3.11 scripts/measure/containers.py
Each line is `name: value`; the tests copy the values with a "CPython 3.11.7" comment.
"""
import sys

g = sys.getsizeof


def show(name, value):
    print(f"{name}: {value}")


# -- list (Objects/listobject.c) ----------------------------------------------------
a = []
grow = []
for i in range(101):
    grow.append(g(a))
    a.append(i)
show("list append sizes 0..100", grow)
shrink = []
while a:
    a.pop()
    shrink.append(g(a))
show("list pop sizes 100..0", shrink)
show("list literals [] [1] [1,2] [1,2,3] [1,2,3,4,5]", [g([]), g([1]), g([1, 2]), g([1, 2, 3]), g([1, 2, 3, 4, 5])])
show("list(range(n)) n=0..12", [g(list(range(n))) for n in range(13)])
show("comprehension n=0..12", [g([i for i in range(n)]) for n in range(13)])
show("list(gen) n=0..12", [g(list(i for i in range(n))) for n in range(13)])
b = [1, 2, 3]
show("[1,2,3]*4, +, slice, copy, list(b5)", [g(b * 4), g(b + b), g(list(range(10))[2:5]), g(list(range(7)).copy()), g(list(list(range(5))))])
c = list(range(10)); c.extend(range(10)); show("extend range10 onto 10", g(c))
c = list(range(3)); c.extend([1] * 20); show("extend 20 onto 3", g(c))
c = list(range(10)); c.insert(0, 1); show("insert into list(range(10))", g(c))
c = list(range(20)); del c[2:15]; show("del c[2:15] of 20", g(c))
c = list(range(20)); del c[::2]; show("del c[::2] of 20", g(c))
c = list(range(20)); c[2:4] = range(30); show("c[2:4]=range(30) of 20", g(c))
c = list(range(20)); c.clear(); show("clear", g(c))
c = list(range(20)); c.remove(5); show("remove one of 20", g(c))
c = list(range(9)); c.sort(reverse=True); show("sort keeps", g(c))
c = [1, 2]; c *= 5; show("[1,2] *= 5", g(c))
c = list(range(20))
pops = []
while c:
    c.pop(0)
    pops.append(g(c))
show("pop(0) sizes 20..0", pops)

# -- dict (Objects/dictobject.c) ----------------------------------------------------
def grow_dict(keys):
    d = {}
    out = [g(d)]
    for k in keys:
        d[k] = 1
        out.append(g(d))
    return out

show("dict int inserts 0..50", grow_dict(range(50)))
show("dict str inserts 0..50", grow_dict([f"k{i}" for i in range(50)]))
show("dict.fromkeys(range(n)) n=0..12", [g(dict.fromkeys(range(n))) for n in range(13)])
x = 1
show("BUILD_MAP 6 ints, 11 ints; CONST_KEY_MAP 6 strs", [g({x: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6}),
     g({x: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9, 10: 10, 11: 11}),
     g({'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6})])
d = {'a': 1}; d[1] = 1; show("{'a':1} then int key", g(d))
d = {i: i for i in range(10)}
for i in range(8):
    del d[i]
show("10 ints, del 8: size, copy, dict()", [g(d), g(d.copy()), g(dict(d))])
d = {i: i for i in range(5)}
for i in range(5):
    del d[i]
d[9] = 9; show("5 ints, del all, insert", g(d))
d = {'a': 1}; d.clear(); show("clear", g(d))
d = {i: i for i in range(6)}
while d:
    d.popitem()
show("popitem all of 6", g(d))
d = {}
for i in range(100):      # churn: the size stays 1, the table still resizes
    d[i] = i
    del d[i]
show("churn 100", g(d))
d = {'b': 1, 'a': 2}; d.update({'c': 3, 'a': 4}); show("update order", list(d.items()))
d = {3: 1, 1: 2}; del d[3]; d[3] = 5; show("reinsert order", list(d))


class C:
    pass


show("instance sizes C(), first __dict__, second __dict__", [g(C()), g(C().__dict__), g(C().__dict__)])

# -- set (Objects/setobject.c) ------------------------------------------------------
s = set()
out = [g(s)]
for i in range(40):
    s.add(i)
    out.append(g(s))
show("set add sizes 0..40", out)
show("set(range(n)) n=0..40", [g(set(range(n))) for n in range(41)])
show("orders", [list({3, 1, 2}), list({100, 10, 1000}), list({-1, -2}), list({1000, 8, 16, 24, 9}),
                list(set([1000, 8, 16, 24, 9])), list({32, 64, 128, 8, 1}), list(set([32, 64, 128, 8, 1]))])
s = set(range(20))
for i in (3, 5, 7, 11, 13):
    s.discard(i)
s.add(100)
show("set(range(20)) minus 3 5 7 11 13 plus 100", [list(s), g(s)])
s = {1, 9, 17, 25}; a0 = list(s); s.discard(9); s.add(33); show("literal dummy reuse", [a0, list(s), g(s)])
s = set([1, 9, 17, 25]); a0 = list(s); s.discard(9); s.add(33); show("set() dummy path", [a0, list(s), g(s)])
s = set(range(10)); show("pops", [s.pop(), s.pop(), s.pop()])

# -- int / float / tuple / str / bytes ---------------------------------------------
show("int sizes", [g(0), g(1), g(-1), g(2**30 - 1), g(2**30), g(2**60), g(2**90), g(10**100)])
show("int hashes", [hash(-1), hash(2**61 - 1), hash(2**61), hash(2**100), hash(-(2**100)), hash(-2**63), hash(2**63 - 1)])
show("float hashes", [hash(1.5), hash(-1.5), hash(0.1), hash(1e300), hash(float('inf')), hash(-0.0), hash(1e-300), hash(2.5e10), hash(-1.0), hash(5e-324)])
show("tuple hashes", [hash(()), hash((1,)), hash((1, 2)), hash((1, 2, 3)), hash((-1,)), hash(((),))])
show("str sizes", [g(''), g('a'), g('ab'), g('é'), g('éé'), g('中'), g('中中'), g('😀'), g('😀😀'), g('a' * 100)])
show("bytes/tuple/float", [g(b''), g(b'abc'), g(()), g((1,)), g((1, 2, 3)), g(1.0)])
