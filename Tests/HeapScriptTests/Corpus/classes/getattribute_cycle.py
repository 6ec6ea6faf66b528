import sys, gc
class Node:
    def __getattribute__(self, name):
        return object.__getattribute__(self, name)
    def __delattr__(self, name):
        object.__delattr__(self, name)

n = Node()
n.me = n
n.other = [n]
del n.other
del n
gc.collect()
