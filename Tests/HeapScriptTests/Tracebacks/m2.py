def f(a, b):
    return a

f(1,
  1/0)
