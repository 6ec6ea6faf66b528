import sys
import gc
v1 = [i for i in range(32)]
def f3(a):
    items = [a]
    items.append(items)

v4 = f3(v1)
v5 = [[] for i in range(24)]
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C0')

v8.clear()
class C1:
    def __init__(self, v):
        self.v = v
        self.other = None

sys.getrefcount(v1)
