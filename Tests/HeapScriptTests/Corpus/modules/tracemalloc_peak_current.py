import tracemalloc
tracemalloc.start(); x = [0] * 10000; del x; y = [1] * 10; r = tracemalloc.get_traced_memory(); tracemalloc.stop(); print(r)
tracemalloc.start(); s = 'x' * 1000; t = s + s; r = tracemalloc.get_traced_memory(); tracemalloc.stop(); print(r)
