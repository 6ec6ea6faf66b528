def f(x, y=2, *args, k=1, **kw):
    return (j for j in x), lambda q, r, *, s: q

c = f.__code__
print(c.co_argcount, c.co_kwonlyargcount)
print([(k.co_name, k.co_argcount, k.co_kwonlyargcount) for k in c.co_consts if hasattr(k, "co_name")])
try:
    print(c.co_posonlyargcount)
except AttributeError as e:
    print(e)

g = lambda *, a: a
print(g.__code__.co_argcount, g.__code__.co_kwonlyargcount)
h = lambda q, /, r, *, s: q
print(h.__code__.co_argcount, h.__code__.co_posonlyargcount, h.__code__.co_kwonlyargcount)
