def f(*args, **kw):
    return args[5]

f(1, 2, a=3)
