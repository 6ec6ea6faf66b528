import gc
len(gc.get_objects())
x = {}
x
len(gc.get_objects())
gc.collect(0)
len(gc.get_objects())
gc.collect()
len(gc.get_objects())
s = set()
s
t = [[]]
t
len(gc.get_objects())
