def f(n, m):
    a = []
    for i in range(n):
        a = [a]
    ids = {}
    b = a
    d = 0
    while b:
        ids[id(b)] = d
        d += 1
        b = b[0]
    b = None
    a = None
    new = []
    for i in range(m):
        new.append([])
    return [ids.get(id(x), -1) for x in new]

f(120, 60)
f(160, 79)
