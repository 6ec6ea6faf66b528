import copy, sys
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __copy__(self):
        return Point(self.x, self.y)
    def __deepcopy__(self, memo):
        return Point(copy.deepcopy(self.x, memo), copy.deepcopy(self.y, memo))

p = Point([1], 2)
q = copy.copy(p); r = copy.deepcopy(p)
print(q is p, q.x is p.x, r.x is p.x, r.x == p.x, sys.getrefcount(p.x), sys.getrefcount(r.x))
pts = [p, p]; qs = copy.deepcopy(pts); print(qs[0] is qs[1], qs[0].x is p.x)
print(sys.getrefcount(p), sys.getrefcount(Point))
