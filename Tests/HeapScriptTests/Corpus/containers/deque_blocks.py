import sys
from collections import deque
d = deque()
sys.getsizeof(d)
len(d), bool(d)
for i in range(32):
    d.append(i)

sys.getsizeof(d)
d.append(32)
sys.getsizeof(d)
for i in range(33, 128):
    d.append(i)

len(d), sys.getsizeof(d)
d.appendleft(-1)
sys.getsizeof(d)
d.popleft()
sys.getsizeof(d)
for i in range(100):
    x = d.pop()

len(d), sys.getsizeof(d)
d[0], d[-1], d[5]
5 in d, 500 in d
d.clear()
sys.getsizeof(d), bool(d)
d
e = deque([1, 2, 3])
sys.getsizeof(e)
e
e.extendleft([7, 8])
e
e.pop(), e.popleft()
f = deque(range(10), 3)
f
f.append(10)
f
f.appendleft(0)
f
g = deque(maxlen=0)
g.extend([1, 2])
g
o = object()
sys.getrefcount(o)
d.append(o)
sys.getrefcount(o)
d.pop() is o
sys.getrefcount(o)
big = deque(range(200))
sys.getsizeof(big)
