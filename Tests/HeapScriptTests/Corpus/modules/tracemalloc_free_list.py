import tracemalloc
tracemalloc.start(); a = []; b = {}; c = 1.5 + 0.25; del a, b, c; a = []; b = {}; c = 2.5 * 2.0; r = tracemalloc.get_traced_memory(); tracemalloc.stop(); print(r)
