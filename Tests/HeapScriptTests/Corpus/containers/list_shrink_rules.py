import sys
z = list(range(20))
sys.getsizeof(z)
for i in range(15):
    del z[0]

sys.getsizeof(z)
z = list(range(20))
for i in range(15):
    del z[-1]

sys.getsizeof(z)
z = list(range(20))
for i in range(15):
    z.remove(i)

sys.getsizeof(z)
z = list(range(20))
for i in range(20):
    del z[0]

sys.getsizeof(z)
z = list(range(20))
for i in range(19):
    z.pop()

sys.getsizeof(z)
z.pop()
sys.getsizeof(z)
z = [1, 2]
z.pop(0)
z.pop(0)
sys.getsizeof(z)
v = [32]
sys.getsizeof(v)
v.pop()
sys.getsizeof(v)
w = [1, 2, 3]
w.pop(); w.pop(); w.pop()
sys.getsizeof(w)
u = [1, 2]
u.pop(0); u.pop(0)
sys.getsizeof(u)
z = [1]
del z[0]
sys.getsizeof(z)
y = [1]
y.remove(1)
sys.getsizeof(y)
