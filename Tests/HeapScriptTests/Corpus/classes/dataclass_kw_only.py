import sys
from dataclasses import dataclass, field
@dataclass(kw_only=True)
class K:
    a: int
    b: int = 2

K(a=1)
try:
    K(1)
except TypeError as e:
    print(e)

K.__match_args__
K.__doc__
@dataclass
class M:
    a: int
    b: int = field(default=0, kw_only=True)

M(1, b=3)
M.__doc__
