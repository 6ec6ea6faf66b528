import gc
gc.collect(); 'abc'.find('b'); gc.get_count()
gc.collect(); 'abc'.startswith('a'); gc.get_count()
gc.collect(); 'abc'.count('b'); gc.get_count()
gc.collect(); b'abc'.endswith(b'c'); gc.get_count()
d = {}
gc.collect(); d.update({1: 2}); gc.get_count()
s = {1}
gc.collect(); s.union({2}); gc.get_count()
gc.collect(); s.copy(); gc.get_count()
gc.collect(); frozenset([3]); gc.get_count()
gc.collect(); x = s.intersection({1}); gc.get_count()
