class S:
    __slots__ = ("x", "y")

class Four:
    __slots__ = ("a", "b", "c", "d")

class E:
    __slots__ = ()

xs = [S() for i in range(300)]
steps = [id(xs[i + 1]) - id(xs[i]) for i in range(299)]
sorted(steps)[150]
es = [E() for i in range(300)]
steps = [id(es[i + 1]) - id(es[i]) for i in range(299)]
sorted(steps)[150]
fs = [Four() for i in range(300)]
steps = [id(fs[i + 1]) - id(fs[i]) for i in range(299)]
sorted(steps)[150]
del xs, es, fs
