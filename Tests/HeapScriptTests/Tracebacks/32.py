def g(x):
    y = len(x)
    return y

g(5)
