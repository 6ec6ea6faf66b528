import sys
from collections import namedtuple
Point = namedtuple('Point', ['x', 'y', 'z'], defaults=(0, [1]))
Point._field_defaults
Point(5), Point(5, 6), Point(5, 6, 7), Point(x=9, z=2)
Point(5).z is Point(6).z
sys.getrefcount(Point._field_defaults['z'])
Point()
