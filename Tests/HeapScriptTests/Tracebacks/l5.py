def f():
    x = 1
    def g():
        return x.foo
    return g()

f()
