def g(x):
    return len(x)

def f(x):
    return g(x)

f(5)
