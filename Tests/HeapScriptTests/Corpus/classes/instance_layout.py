import sys
class Box:
    pass

xs = [Box() for i in range(300)]
steps = [id(xs[i + 1]) - id(xs[i]) for i in range(299)]
sorted(steps)[150]
first = Box(); old_id = id(first); del first; second = Box(); id(second) == old_id
class P:
    def __init__(self):
        self.a = 1
        self.b = 2
    def more(self):
        x, self.c = 1, 2
        for self.d in range(1):
            pass
        self.a += 1

p = P()
sys.getsizeof(p), sys.getsizeof(p.__dict__)
p.more()
p.__dict__
sys.getsizeof(p.__dict__)
q = P()
sys.getsizeof(q.__dict__)
sys.getsizeof(P)
