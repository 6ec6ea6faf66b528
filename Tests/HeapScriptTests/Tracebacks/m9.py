def f(a):
    return a

y = f(
  2,
  b=3)
