x = [3, 1, 2]
x.append(5)
x
x.sort()
x
x.reverse()
x
x.index(2)
x.count(1)
x.remove(1)
x
x.pop(0)
x
x[0] = 'a'
x
x[1:1] = [7, 8]
x
del x[0]
x
len(x)
sorted([5, 2, 9, 1])
sum([1, 2, 3])
min([4, 2, 8])
max(4, 2, 8)
[1, 2] + [3]
[0] * 5
3 in [1, 2, 3]
4 not in [1, 2, 3]
list('abc')
[[i, j] for i in range(3) for j in range(2) if i != j]
x[-1]
x[::-1]
