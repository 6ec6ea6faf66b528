import gc
class Node:
    pass

_ = gc.collect()
keep = []
counts = []
for i in range(1000):
    keep.append(Node()); print(i % 10, end='')
    counts.append(gc.get_count()[0])

print()
print([(k, counts[k-1], counts[k]) for k in range(1, len(counts)) if counts[k] - counts[k-1] != 1], counts[0])
