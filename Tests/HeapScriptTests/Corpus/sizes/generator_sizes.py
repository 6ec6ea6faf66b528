import sys
# A generator's size: from 3.11 its frame (one slot per local and stack entry) is inside it.
def g1():
    yield

def g2(a, b=2, *args, **kw):
    yield a + b * len(args)

def g3(d):
    for k in d:
        for v in d[k]:
            yield k, v, [v, v + 1]

def g4(x):
    yield x.append(1)
    yield [len(x), str(x), {1: x}]

def g5(n):
    total = 0
    while total < n:
        total += yield total
    return total

def g6(s):
    yield f"{s}-{s!r}"
    yield s[1:2], s[::2]

def g7(items):
    yield sorted(items, reverse=True)
    yield [i for i in items if i]

def g8(o):
    yield o.x.y.z(1, 2, k=3)

def g9():
    a, b = yield
    yield a if b else -a

sys.getsizeof(g1()), sys.getsizeof(g2(1)), sys.getsizeof(g3({})), sys.getsizeof(g4([]))
sys.getsizeof(g5(3)), sys.getsizeof(g6('ab')), sys.getsizeof(g8(None)), sys.getsizeof(g9())
sys.getsizeof((x for x in 'ab')), sys.getsizeof((x + y for x in 'ab' for y in 'cd')), sys.getsizeof((len(x) * 2 for x in ['ab'] if x))
sys.getsizeof((str(x).upper() for x in range(3))), sys.getsizeof(((x, y, x * y) for x in range(2) for y in range(2) if x != y if y))
# 3.12+ inline the comprehension, whose stack the engine does not lay out as CPython does.
sys.getsizeof(g7([]))
