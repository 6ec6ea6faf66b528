f = frozenset([1, 2])
f
type(f)
frozenset([1, 2]) == {1, 2}
frozenset(f) is f
{1, 2} | f
f.add
