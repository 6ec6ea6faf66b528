class S:
    pass

class T(S):
    pass

t = T()

class V:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("V del", self.n)

lst = [S() for i in range(3)]

for i, o in enumerate(lst):
    o.x = V(i + 10)

del lst

class R:
    pass

r = R()

r.a = r; r.b = V(99)
del r

