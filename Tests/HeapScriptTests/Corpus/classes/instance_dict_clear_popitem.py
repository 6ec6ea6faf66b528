import sys
class P:
    def __init__(self):
        self.a = 1
        self.b = 2

p = P()
d = p.__dict__
sys.getsizeof(d)
d.clear()
sys.getsizeof(d)
q = P()
e = q.__dict__
e.popitem()
sys.getsizeof(e)
r = P()
sys.getsizeof(r.__dict__)
