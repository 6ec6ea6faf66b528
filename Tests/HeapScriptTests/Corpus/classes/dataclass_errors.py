from dataclasses import dataclass, field
try:
    @dataclass
    class A:
        x: list = []
except ValueError as e:
    print(e)

try:
    @dataclass
    class B:
        x: int = 0
        y: int
except TypeError as e:
    print(e)

try:
    @dataclass(order=True, eq=False)
    class C:
        x: int
except ValueError as e:
    print(e)

try:
    field(default=1, default_factory=list)
except ValueError as e:
    print(e)

@dataclass
class D:
    x: int
    def __post_init__(self):
        self.double = self.x * 2

D(4).double
D(4)
