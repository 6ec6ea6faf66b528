def deco(f):
    return f(1)

@deco
def g(x):
    return x / 0
