import sys
x = []
sizes = []
for i in range(41):
    sizes.append(sys.getsizeof(x))
    x.append(i)

sizes
sys.getsizeof(x)
len(x)
y = []
prev = sys.getsizeof(y)
for i in range(41):
    y.append(None)
    s = sys.getsizeof(y)
    if s != prev:
        print(len(y), s)
    prev = s

