import gc
class Node:
    pass

def hold(o):
    x = o
    yield 1
    yield 2

# The collector finalizes a generator it finds: before 3.12 closing it clears its frame,
# which frees the cycle by reference counting (nothing left to count); 3.12+ keep the frame
# of one not started and clear the locals of a suspended one.
_ = gc.collect(); n = Node(); n.g = hold(n); del n; gc.collect()
n = Node(); n.g = hold(n); next(n.g); del n; gc.collect()
n = Node(); n.g = hold(n); list(n.g); del n; gc.collect()
n = Node(); n.g = (x for x in [n]); del n; gc.collect()
n = Node(); g = hold(n); n.g = g; next(g); g.close(); del n, g; gc.collect()
