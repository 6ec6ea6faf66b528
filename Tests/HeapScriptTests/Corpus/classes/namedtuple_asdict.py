from collections import namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, [2])
d = p._asdict()
d
type(d).__name__, d['y'] is p.y
