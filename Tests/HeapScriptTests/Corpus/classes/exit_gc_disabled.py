import gc
class K:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

gc.disable()
k = K("main")
r = K("cycle"); r.r = r
del r
t = (K("tuple"),)
