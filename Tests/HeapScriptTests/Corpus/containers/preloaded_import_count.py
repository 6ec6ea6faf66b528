import gc
gc.get_count()
import itertools
gc.get_count()
from functools import reduce
gc.get_count()
x = [1, 2]
import collections
gc.get_count()
gc.collect(); from collections import deque; gc.get_count()
