import gc
# What print and keyword calls allocate at run time (collect first: the free lists are empty).
_ = gc.collect(); print(end=''); gc.get_count()[0]
_ = gc.collect(); print(1, 2, end='\n', sep='-'); gc.get_count()[0]
_ = gc.collect(); x = dict(a=1, b=2); gc.get_count()[0]
_ = gc.collect(); sorted([3, 1], reverse=True); gc.get_count()[0]
_ = gc.collect(); print(); print('x'); gc.get_count()[0]
