import sys
class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

n1 = Node(1)
n2 = Node(2)
sys.getrefcount(n2)
n1.next = n2
sys.getrefcount(n2)
n2.next = n1
sys.getrefcount(n1)
sys.getsizeof(n1)
payload = []
holder = Node(payload)
sys.getrefcount(payload)
del holder
sys.getrefcount(payload)
import gc
n = gc.collect()
del n1, n2
gc.collect()
