s = {3, 1, 2}
sorted(s)
s.add(4)
len(s)
2 in s
s.discard(2)
sorted(s)
s.remove(1)
sorted(s)
t = {3, 4, 5}
sorted(s | t)
sorted(s & t)
sorted(s - t)
set()
{1, 2} == {2, 1}
sorted({x % 3 for x in range(10)})
len(set([1, 1, 2, 2, 3]))
