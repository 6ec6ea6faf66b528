def f(a):
    return a + 1

print(f('s'))
