def f():
    try:
        {}['k']
    except KeyError:
        raise ValueError('while handling')

f()
def g():
    try:
        1 / 0
    finally:
        print('finally')

g()
try:
    [][1]
except IndexError as e:
    raise

def h():
    try:
        int('x')
    except ValueError as e:
        raise e

h()
