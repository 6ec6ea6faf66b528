import sys
a = []
sys.getrefcount(a)
b = [a, a, a]
sys.getrefcount(a)
c = (a,)
sys.getrefcount(a)
d = {'k': a}
sys.getrefcount(a)
e = {1: a, 2: a}
sys.getrefcount(a)
del b
sys.getrefcount(a)
c = None
sys.getrefcount(a)
d.clear()
sys.getrefcount(a)
e[1] = 0
sys.getrefcount(a)
lst = []
for i in range(5):
    lst.append(a)

sys.getrefcount(a)
lst.pop()
sys.getrefcount(a)
sys.getrefcount(a)
lst.clear()
sys.getrefcount(a)
