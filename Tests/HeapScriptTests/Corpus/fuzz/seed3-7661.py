import gc
class C0:
    def __init__(self, v):
        self.v = v
        self.other = None

class C1:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C1')

del C0
class C2:
    def __init__(self, v):
        self.v = v
        self.other = None
    def __del__(self):
        print('del C2')

sys.getsizeof(v3)
class C3:
    def __init__(self, v):
        self.v = v
        self.other = None

gc.collect()
