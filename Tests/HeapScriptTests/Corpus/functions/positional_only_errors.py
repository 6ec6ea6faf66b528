def ok(a, b=2, /, c=3, *, d=4):
    return a, b, c, d

print(ok(1), (lambda a, b=2, /: a + b)(1))
def f(a, /, b, /): pass

print(1)
def f(*, a, /): pass

print(2)
def f(*a, /): pass

print(3)
def f(a=1, / *): pass

print(4)
def f(a=1, /, b): pass

print(5)
g = lambda a, /, *, b: 1
print(g.__code__.co_posonlyargcount, g.__code__.co_kwonlyargcount)

print(ok(5, c=6))
