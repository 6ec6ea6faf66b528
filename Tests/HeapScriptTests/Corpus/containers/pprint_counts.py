import gc, sys
import pprint
pprint.pprint({"a": [1, 2]})
print(gc.collect())
x = []
print(sys.getrefcount(x), gc.get_count())
pprint.pprint(x)
print(gc.collect(), gc.get_count())
