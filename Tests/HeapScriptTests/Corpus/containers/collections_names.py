import collections
from collections import deque
collections.deque is deque
deque
collections.OrderedDict
collections.Counter
