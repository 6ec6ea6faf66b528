import sys, gc
gc.collect()
class Node:
    def __init__(self, val):
        self.val = val
        self.next = None

a = list[int]
b = dict[str, list[Node]]
a, b, tuple[int, ...], type[Node], set[str], frozenset[bytes], tuple[()], list[None], tuple['Node', 1]
type(a).__name__, str(b), type(type[int]) is type(a)
a.__origin__, a.__args__, b.__args__
sys.getsizeof(a), sys.getsizeof(b)
gc.is_tracked(a)
a == list[int], a != list[str], b == dict[str, list[Node]], a == dict[int], hash(a) == hash(list[int])
{a: 1}[list[int]], a in [list[int]]
t = (str, int)
sys.getrefcount(t)
g = dict[t]
sys.getrefcount(t), g.__args__ is t
del g
sys.getrefcount(t)
sys.getrefcount(Node)
k = list[Node]
sys.getrefcount(Node)
del k
sys.getrefcount(Node)
cache: dict[str, bytes] = {}
items: list[int] = []
__annotations__
def build(n: int) -> list[int]:
    return list(range(n))

build.__annotations__
sys.getsizeof(build(5)), sys.getsizeof(cache)
n = Node(1)
n.kind = list[Node]
n.next = n
sys.getrefcount(n)
del n
gc.collect()
gc.get_referents(list[int])
