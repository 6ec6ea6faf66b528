def f(a):
    return a + 1

y = f('s')
