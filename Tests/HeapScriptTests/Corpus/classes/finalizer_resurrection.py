import gc
gc.collect()
x = None
class Lazarus:
    def __del__(self):
        global x
        x = self
        print('del ran')

gc.collect()
y = [Lazarus()]
y.append(y)
del y
gc.collect()
x is not None
gc.collect()
