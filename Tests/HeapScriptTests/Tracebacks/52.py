def f():
    return [1][2]

z = [f()]
