import tracemalloc
print(tracemalloc.reset_peak())
tracemalloc.get_traced_memory()
