import gc
a = {1, 2, 3}
b = {3, 4}
gc.collect(); gc.get_count()
gc.collect(); w = a | b; gc.get_count()
gc.collect(); w = a.union(b); gc.get_count()
gc.collect(); w = a.copy(); gc.get_count()
gc.collect(); w = a.difference(b); gc.get_count()
gc.collect(); w = a - b; gc.get_count()
gc.collect(); w = a.intersection(b); gc.get_count()
gc.collect(); w = a.symmetric_difference(b); gc.get_count()
gc.collect(); w = a.union([5]); gc.get_count()
gc.collect(); w = a.difference([1], (2,)); w.difference_update({1}); w.intersection_update({3}, {3, 4}); gc.get_count()
