import tracemalloc
x = [0] * 5000
y = [1.5] * 10
tracemalloc.start(); del x; a = tracemalloc.get_traced_memory(); z = [2] * 100; b = tracemalloc.get_traced_memory(); tracemalloc.stop(); print(a, b)
