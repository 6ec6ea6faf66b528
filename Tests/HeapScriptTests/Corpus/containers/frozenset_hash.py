# frozenset_hash: the xor of its items' shuffled hashes, whatever the table's order.
hash(frozenset([1])), hash(frozenset([1, 2, 3]))
hash(frozenset(range(100)))
s = set(range(20))
s.discard(5)
s.discard(7)
hash(frozenset(s)), hash(frozenset([-1, -2, 2**70]))
hash(frozenset([frozenset([1]), (1, 2)]))
hash(frozenset('abc')) == hash(frozenset('cba'))
d = {frozenset([1]): 'a', frozenset([2, 3]): 'b'}
d[frozenset([3, 2])]
{frozenset([i]) for i in range(5)}
{frozenset([1, 2]): 1, frozenset([2, 1]): 2}
hash(frozenset())
