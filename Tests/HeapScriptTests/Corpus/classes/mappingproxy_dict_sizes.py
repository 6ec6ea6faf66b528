import sys, gc
def size(c): return sys.getsizeof(gc.get_referents(c.__dict__)[0])

class C0:
    pass

size(C0), len(C0.__dict__)
class C1:
    a0 = 0

size(C1), len(C1.__dict__)
class C2:
    a0 = 0
    a1 = 1

size(C2), len(C2.__dict__)
class C3:
    a0 = 0
    a1 = 1
    a2 = 2

size(C3), len(C3.__dict__)
class C4:
    a0 = 0
    a1 = 1
    a2 = 2
    a3 = 3

size(C4), len(C4.__dict__)
class C5:
    a0 = 0
    a1 = 1
    a2 = 2
    a3 = 3
    a4 = 4

size(C5), len(C5.__dict__)
class C6:
    a0 = 0
    a1 = 1
    a2 = 2
    a3 = 3
    a4 = 4
    a5 = 5

size(C6), len(C6.__dict__)
class C7:
    a0 = 0
    a1 = 1
    a2 = 2
    a3 = 3
    a4 = 4
    a5 = 5
    a6 = 6

size(C7), len(C7.__dict__)
class C8:
    a0 = 0
    a1 = 1
    a2 = 2
    a3 = 3
    a4 = 4
    a5 = 5
    a6 = 6
    a7 = 7

size(C8), len(C8.__dict__)
class C9:
    a0 = 0
    a1 = 1
    a2 = 2
    a3 = 3
    a4 = 4
    a5 = 5
    a6 = 6
    a7 = 7
    a8 = 8

size(C9), len(C9.__dict__)
class C10:
    a0 = 0
    a1 = 1
    a2 = 2
    a3 = 3
    a4 = 4
    a5 = 5
    a6 = 6
    a7 = 7
    a8 = 8
    a9 = 9

size(C10), len(C10.__dict__)
class C11:
    a0 = 0
    a1 = 1
    a2 = 2
    a3 = 3
    a4 = 4
    a5 = 5
    a6 = 6
    a7 = 7
    a8 = 8
    a9 = 9
    a10 = 10

size(C11), len(C11.__dict__)
class C12:
    a0 = 0
    a1 = 1
    a2 = 2
    a3 = 3
    a4 = 4
    a5 = 5
    a6 = 6
    a7 = 7
    a8 = 8
    a9 = 9
    a10 = 10
    a11 = 11

size(C12), len(C12.__dict__)
class C13:
    a0 = 0
    a1 = 1
    a2 = 2
    a3 = 3
    a4 = 4
    a5 = 5
    a6 = 6
    a7 = 7
    a8 = 8
    a9 = 9
    a10 = 10
    a11 = 11
    a12 = 12

size(C13), len(C13.__dict__)
class K1:
    def m(self): return __class__
    b0 = 0

size(K1), len(K1.__dict__)
class K2:
    def m(self): return __class__
    b0 = 0
    b1 = 1

size(K2), len(K2.__dict__)
class K3:
    def m(self): return __class__
    b0 = 0
    b1 = 1
    b2 = 2

size(K3), len(K3.__dict__)
class K4:
    def m(self): return __class__
    b0 = 0
    b1 = 1
    b2 = 2
    b3 = 3

size(K4), len(K4.__dict__)
class K6:
    def m(self): return __class__
    b0 = 0
    b1 = 1
    b2 = 2
    b3 = 3
    b4 = 4
    b5 = 5

size(K6), len(K6.__dict__)
class K9:
    def m(self): return __class__
    b0 = 0
    b1 = 1
    b2 = 2
    b3 = 3
    b4 = 4
    b5 = 5
    b6 = 6
    b7 = 7
    b8 = 8

size(K9), len(K9.__dict__)
class S1:
    __slots__ = ('s0',)
    c0 = 0
    c1 = 1
    c2 = 2

size(S1), len(S1.__dict__)
class S3:
    __slots__ = ('s0', 's1', 's2',)
    c0 = 0
    c1 = 1
    c2 = 2

size(S3), len(S3.__dict__)
class S5:
    __slots__ = ('s0', 's1', 's2', 's3', 's4',)
    c0 = 0
    c1 = 1
    c2 = 2

size(S5), len(S5.__dict__)
class E:
    def __eq__(self, o): return True
    x = 1
    y = 2

size(E), list(E.__dict__)
