from collections import namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, 2)
Point(1)
Point()
Point(1, 2, 3)
Point(1, x=2)
Point(1, z=2)
p.x = 5
p
T = namedtuple('T', 'a b c')
T(1)
T(c=1)
