import gc
gc.get_threshold()
gc.isenabled()
gc.set_threshold(500, 5)
gc.get_threshold()
gc.disable()
gc.isenabled()
gc.enable()
gc.collect(), gc.collect()
class Node:
    def __init__(self):
        self.me = self

for i in range(10):
    n = Node()

del n
gc.collect()
a = []
a.append(a)
del a
gc.collect()
