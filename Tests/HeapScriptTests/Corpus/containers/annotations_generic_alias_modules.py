import collections, itertools, weakref
itertools.count[int]
print("count is not subscriptable")
type(None)[int]
collections.deque[int]
print("deque made an alias")
