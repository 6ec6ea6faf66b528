import tracemalloc
tracemalloc.start(); x = [i * 1000 for i in range(1000)]; r = tracemalloc.get_traced_memory(); tracemalloc.stop(); print(r)
