a = [1, 2]
print([y := v * 2 for v in a], y)
[x := 1 for x in range(3)]
print(a)
[i for i in range(3) if (i := 2)]
print(y)
class C:
    r = [y := i for i in range(3)]

print(y)
[i for i in (j := [1])]
[j for i in range(2) for j in (k := [i])]
[[(j := 0) for i in range(2)] for j in range(2)]
print(a, y)
