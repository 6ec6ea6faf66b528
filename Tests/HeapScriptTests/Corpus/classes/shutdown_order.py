import gc
class C1:
    def __del__(self):
        print('del C1')

class C2:
    def __del__(self):
        print('del C2')

v3 = C1()
gc.collect(0)
v6 = C2()
gc.collect()
