import sys
sys.getrecursionlimit()
for bad in (0, -1, 1.5, 'a', 2 ** 70, 2 ** 40, -2 ** 40, 1, True):
    try:
        sys.setrecursionlimit(bad)
    except Exception as e:
        print(type(e).__name__, e)

sys.getrecursionlimit()
try:
    sys.setrecursionlimit()
except TypeError as e:
    print(e)

try:
    sys.setrecursionlimit(n=5)
except TypeError as e:
    print(e)

try:
    sys.getrecursionlimit(1)
except TypeError as e:
    print(e)

try:
    sys.getdefaultencoding(1)
except TypeError as e:
    print(e)

sys.setrecursionlimit(40)
sys.getrecursionlimit()
def g(n):
    try:
        sys.setrecursionlimit(n)
    except RecursionError as e:
        print(e)
    return sys.getrecursionlimit()

g(2)
g(1)
g(30)
sys.setrecursionlimit(60)
sys.getrecursionlimit()
def h(n):
    return h(n - 1) if n else 0

h(50)
h(56)
for n in (57, 58, 59, 60):
    try:
        print(n, h(n))
    except RecursionError as e:
        print(n, e)

sys.setrecursionlimit(1000)
sys.getrecursionlimit()
h(990)
for n in (996, 997, 998):
    try:
        print(n, h(n))
    except RecursionError as e:
        print(n, e)

sys.setrecursionlimit(1000)
sys.getrecursionlimit()
