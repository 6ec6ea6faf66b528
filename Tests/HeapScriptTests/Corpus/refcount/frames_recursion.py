import sys
x = []
def depth(n, obj):
    if n == 0:
        return sys.getrefcount(obj)
    return depth(n - 1, obj)

depth(0, x)
depth(1, x)
depth(5, x)
sys.getrefcount(x)
def local_copy(obj):
    a = obj
    b = obj
    c = [obj, obj]
    return sys.getrefcount(obj)

local_copy(x)
sys.getrefcount(x)
sys.getrecursionlimit()
