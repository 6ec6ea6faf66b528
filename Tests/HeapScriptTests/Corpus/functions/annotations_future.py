from __future__ import annotations
import sys, gc
gc.collect()
class Node:
    val: int
    next: Optional[Node]
    def __init__(self, val: int, next: Optional["Node"] = None) -> None:
        self.val = val
        self.next = next

def build(n: int, *rest: Tuple[int, ...], key: Callable[[int], str] = None, **kw: Dict[str, Any]) -> List[int]:
    return list(range(n))

Node.__annotations__
Node.__init__.__annotations__
build.__annotations__
cache: Dict[str, bytes] = {}
items: list[int] = []
total: int
__annotations__
sys.getsizeof(items), sys.getsizeof(cache)
a = Node(1)
b = Node(2, a)
a.next = b
sys.getrefcount(a), sys.getrefcount(b)
sys.getsizeof(a), sys.getsizeof(a.__dict__)
del a, b
gc.collect()
xs = build(5)
xs, sys.getsizeof(xs), sys.getrefcount(xs)
annotations
type(annotations).__name__, annotations.getOptionalRelease()
