class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x * self.x + self.y * self.y
    def move(self, dx, dy=0):
        self.x += dx
        self.y += dy

p = Point(3, 4)
p.norm2()
p.x, p.y
p.move(1)
p.x, p.y
p.move(1, 1)
p.x, p.y
isinstance(p, Point)
type(p) is Point
q = Point(0, 0)
q.norm2()
p.z = 9
p.z
Point.norm2(p)
