import itertools
a = []
b = [a]
seen = set()
seen.add(id(a))
id(a) in seen
id(b) in seen
seen.add(id(b))
seen.add(id(a))
len(seen)
seen.discard(id(b))
len(seen), id(b) in seen
d = {id(a): 'a'}
d[id(a)]
d.get(id(b))
d.setdefault(id(b), 'b')
len(d), d[id(b)]
(id(a), 1) in {(id(a), 1)}
frozenset({id(a)}) == frozenset({id(a)})
hash(frozenset({id(a)})) == hash(frozenset({id(a)}))
