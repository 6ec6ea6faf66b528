n = 3
x = n * 1.5
i = id(x)
x += n * 2.5
id(n * 3.5) == i
class C:
    pass

c = C()
c.a = n * 1.5
i = id(c.a)
c.a += n * 2.5
id(n * 3.5) == i
l = [n * 1.5]
i = id(l[0])
l[0] += n * 2.5
id(n * 3.5) == i
def f():
    x = n * 1.5
    i = id(x)
    x += n * 2.5
    return id(n * 3.5) == i

f()
x = n * 1.5
i = id(x)
x = x + n * 2.5
id(n * 3.5) == i
