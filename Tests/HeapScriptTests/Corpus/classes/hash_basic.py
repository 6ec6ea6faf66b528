import sys, gc
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class H:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h

hash(H(5)), hash(H(-1)), hash(H(-2)), hash(H(2**64)), hash(H(-2**70)), hash(H(True)), hash(H(2**63 - 1))
show(lambda: hash(H('x')))
show(lambda: hash(H(1.5)))
show(lambda: hash(H(None)))
class E:
    def __eq__(self, o):
        return True

E.__hash__ is None
show(lambda: hash(E()))
show(lambda: {E()})
show(lambda: {E(): 1})
class F(E):
    pass

show(lambda: hash(F()))
class G(E):
    def __hash__(self):
        return 7

class K(G):
    pass

hash(K()), K.__hash__ is G.__hash__
class N:
    __hash__ = None

show(lambda: hash(N()))
class P:
    pass

p = P()
hash(p) == id(p) >> 4 | (id(p) << 60) % 2**64 or hash(p) == hash(p)
class Q(G):
    def __eq__(self, o):
        return False

show(lambda: hash(Q()))
gc.collect()
