class X:
    def __init__(self, n): self.n = n
    def __del__(self): print('X', self.n, end=' ')

class L(list):
    def __del__(self): print('L', self[0].n, end=' ')

class T(tuple):
    def __del__(self): print('T', self[0].n, end=' ')

h = None
for i in range(9, -1, -1): h = L([X(i), h])

del h; print()
h = None
for i in range(9, -1, -1): h = T((X(i), h))

del h; print()
h = None
for i in range(79, -1, -1): h = T((X(i), L([X(i), h])))

del h; print()
h = None
for i in range(79, -1, -1): h = L([X(i), h])

del h; print()
