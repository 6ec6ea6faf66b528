from __future__ import annotations
def g(x: a.b[c:d, ::2] | None, z: 'it''s', w: {1: 2, **d}, v: [*a, (b, c), ()]) -> (a ** b) ** c: pass

for k, v in g.__annotations__.items(): print(k, v)

def h(y: -1 + 2 * 3 ** 4, p: Literal[1, 2], q: a in [1, 2], r: 1e400, s: b'x', t: ..., u: not a, n: (a,), m: f(a, *b, c=1, **d)) -> x if y else z: pass

for k, v in h.__annotations__.items(): print(k, v)

def i(a: a and b or not c, b: {a, b}, c: x[1:2], d: -(1), e: ~a.b, f: (-1) ** 2, g: a ** -b, h: 1 .real, i: (1, 'a'), j: a < b <= c is not d) -> None: pass

for k, v in i.__annotations__.items(): print(k, v)
