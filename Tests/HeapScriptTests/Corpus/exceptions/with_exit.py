import sys
class Manager:
    def __init__(self, name, swallow):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print('enter', self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print('exit', self.name, exc_type is None, exc is None, tb is None)
        if exc is not None:
            print('  got', type(exc).__name__, exc.args, sys.getrefcount(exc))
        return self.swallow

with Manager('a', False) as m:
    print('body', m.name, sys.getrefcount(m))

with Manager('b', True):
    1 / 0

print('after b')
with Manager('c', False), Manager('d', True):
    [][0]

with Manager('e', False):
    {}['missing']

def early():
    for i in range(3):
        with Manager(i, False):
            if i == 1:
                return 'returned'
            if i == 0:
                continue

early()
m = Manager('f', False)
sys.getrefcount(m)
with m:
    sys.getrefcount(m)

sys.getrefcount(m)
class A:
    pass

with A():
    pass

