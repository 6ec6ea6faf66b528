import tracemalloc
tracemalloc.start(); a = tracemalloc.get_traced_memory(); d = {i: i for i in range(100)}; b = tracemalloc.get_traced_memory(); tracemalloc.stop(); print(a, b)
