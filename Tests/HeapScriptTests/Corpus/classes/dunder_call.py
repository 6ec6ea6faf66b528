import sys, gc
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        print('call refs', sys.getrefcount(self), sys.getrefcount(x))
        return self.n + x[0]

add = Adder(10)
arg = [5]
add(arg)
sys.getrefcount(add), sys.getrefcount(arg)
Adder(1)([2])
callable(add), callable(Adder), callable(arg)
list(map(add, [[1], [2]]))
class NoArgs:
    def __call__(self):
        return 'called'

NoArgs()()
show(lambda: NoArgs()(1))
show(lambda: add())
class Plain:
    pass

show(lambda: Plain()())
callable(Plain())
def twice(f, v):
    return f(f(v) and [v[0] + 1])

twice(add, [1])
_ = gc.collect()
c = Adder(1)
c.me = c
del c
gc.collect()
sys.getrefcount(add), sys.getrefcount(arg)
