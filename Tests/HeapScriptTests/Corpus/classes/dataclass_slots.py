import sys
from dataclasses import dataclass
@dataclass
class D:
    x: int
    y: int

@dataclass(slots=True)
class S:
    x: int
    y: int

s = S(1, 2)
sys.getsizeof(s)
hasattr(s, '__dict__')
