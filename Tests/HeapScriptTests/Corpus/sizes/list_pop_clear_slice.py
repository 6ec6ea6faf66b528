import sys
x = list(range(40))
sys.getsizeof(x)
for i in range(35):
    x.pop()
    print(len(x), sys.getsizeof(x))

x.clear()
sys.getsizeof(x)
y = list(range(20))
sys.getsizeof(y[:])
sys.getsizeof(y[2:5])
sys.getsizeof(y[::2])
sys.getsizeof(y[:0])
z = y * 2
sys.getsizeof(z)
z = y + y
sys.getsizeof(z)
del y[5:]
sys.getsizeof(y)
y
w = [1, 2, 3]
w.extend([4, 5, 6])
sys.getsizeof(w)
w.insert(0, 0)
sys.getsizeof(w)
w
