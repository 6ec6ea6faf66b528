class L(list): pass

class D(dict): pass

x = L([1])
L.append(x, 2); list.append(x, 3); x, issubclass(L, list), issubclass(D, dict), type(L), isinstance(L, type)
L.append, L.__name__, L.__qualname__, L.__module__
[].__class__ is L, type(x) is list, type(x) == L, x.__class__.__mro__
d = D(a=1)
D.get(d, 'a'), dict.get(d, 'a'), dict.keys(d), D.__len__(d) if False else 0
sorted(D(b=1, a=2).items()), max(L([3, 9, 2])), sum(L([1, 2])), any(L()), all(L())
import sys
class L3(L):
    def __repr__(self):
        return 'L3'

class L4(L3):
    pass

L4([1]), [L4()], sys.getsizeof(L4([1, 2]))
class L(list): pass

class D(dict): pass

a = []; a.extend(L([1, 2, 3])); b = [0]; b.extend(L(range(10))); sys.getsizeof(a), sys.getsizeof(b)
c = L(); c.extend(L([1, 2])); c.extend([3]); sys.getsizeof(c), c
class K:
    def __init__(self, v): self.v = v
    def __hash__(self):
        print('hash', self.v)
        return self.v
    def __eq__(self, o): return self is o

d = D(); d[K(1)] = 1; d[K(2)] = 2
s = set(d); len(s)
e = {}; e[K(3)] = 3
t = set(e); len(t)
