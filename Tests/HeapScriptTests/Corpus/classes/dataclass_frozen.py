import sys
from dataclasses import dataclass, FrozenInstanceError
@dataclass(frozen=True)
class P:
    x: int
    y: int

p = P(1, 2)
p
try:
    p.x = 3
except FrozenInstanceError as e:
    print(type(e).__name__, e)

try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)

hash(p) == hash((1, 2))
{p: 1}[P(1, 2)]
issubclass(FrozenInstanceError, AttributeError)
sys.getsizeof(p)
@dataclass(order=True)
class V:
    major: int
    minor: int = 0

V(1, 2) < V(1, 3)
V(2) > V(1, 9)
V(1) <= V(1)
sorted([V(2), V(1, 5), V(1)])
try:
    V(1) < 3
except TypeError as e:
    print(e)

@dataclass(unsafe_hash=True)
class H:
    a: int
    b: str = 'x'

hash(H(1)) == hash((1, 'x'))
H(1) == H(1)
P.__dataclass_params__.frozen
