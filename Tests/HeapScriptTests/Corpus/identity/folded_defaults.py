def f(a, b=None):
    return a

f.__code__.co_consts
f.__defaults__ is f.__code__.co_consts
def g(x):
    d = {'a': 1, 'b': x}
    e = {'a': 1}
    return d, e

g.__code__.co_consts
def outer():
    def inner(a, b=1, c='x'):
        return a
    return inner

len(outer.__code__.co_consts)
outer.__code__.co_consts[-1]
outer().__defaults__ is outer.__code__.co_consts[-1]
def h(v):
    return f"{v}", f"{v} items"

h.__code__.co_consts
