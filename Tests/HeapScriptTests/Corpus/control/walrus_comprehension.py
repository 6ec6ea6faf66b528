import sys
data = [object(), object(), object()]
ys = [y := x for x in data]
print(y is data[2], sys.getrefcount(y), len(ys))
total = 0
sums = [total := total + i for i in range(5)]
print(sums, total)
print([(last := i * i) for i in range(4) if i % 2], last)
matrix = [[1, 2], [3, 4]]
flat = [v for row in matrix for v in row if (big := v) > 1]
print(flat, big)
pairs = {k: (seen := k * 10) for k in range(3)}
print(pairs, seen)
s = {(m := i % 2) for i in range(5)}
print(s, m)
nested = [[(inner := a + b) for b in range(2)] for a in range(2)]
print(nested, inner)
ws = ["x", "yy"]
print([(n := len(w)) for w in ws], n)
gen = [t for t in range(3)]
import sys
big = [object() for _ in range(2)]
held = [(h := b) for b in big]
print(sys.getrefcount(h), h is big[1])
