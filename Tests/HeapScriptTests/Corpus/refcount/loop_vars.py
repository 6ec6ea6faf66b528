import sys
items = [[], [], []]
for it in items:
    print(sys.getrefcount(it))

sys.getrefcount(items[2])
sys.getrefcount(it)
del it
sys.getrefcount(items[2])
total = [sys.getrefcount(v) for v in items]
total
