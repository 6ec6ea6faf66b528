import sys
sq = lambda v: v * v
sq(7)
sq.__name__
sq.__qualname__
sq.__code__.co_consts
sq.__closure__ is None
(lambda: 42)()
(lambda a, b=2: a + b)(1)
pair = lambda a, b: (a, b)
pair(1, b=2)
make = lambda: [1, 2, 3]
sys.getrefcount(make)
len(make())
compose = lambda f, g: lambda v: f(g(v))
inc_then_sq = compose(sq, lambda v: v + 1)
inc_then_sq(2)
inc_then_sq.__qualname__
len(inc_then_sq.__closure__)
