import gc, sys
# sys.getsizeof packs its argument into a tuple (METH_VARARGS) and binds __sizeof__ (off the free
# list before 3.9): both are GC objects generation 0 counts.
_ = gc.collect(); r = sys.getsizeof(1); gc.get_count()
_ = gc.collect(); r = sys.getsizeof(1); gc.get_count()
_ = gc.collect(); sys.getsizeof(1); gc.get_count()
_ = gc.collect(); r = len([]); gc.get_count()
_ = gc.collect(); r = sys.getsizeof([]); gc.get_count()
