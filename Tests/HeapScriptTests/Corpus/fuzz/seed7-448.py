import sys
v2 = []
class C1:
    def __init__(self, v):
        self.v = v
        self.other = None

v4 = C1(v2)
sys.getsizeof(v4.__dict__)
del v4
v8 = dict()
sys.getsizeof(v8)
