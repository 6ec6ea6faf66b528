def f():
    "the doc"
    return 1

f.__doc__
f.__code__.co_consts
f()
def g():
    return 2

g.__doc__
