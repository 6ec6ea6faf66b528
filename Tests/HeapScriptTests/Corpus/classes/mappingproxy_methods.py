import sys
class C:
    x = 1
    y = 'two'

p = C.__dict__
p.get('x'), p.get('nope'), p.get('nope', 5)
p.get('__qualname__', 'gone')
k = p.keys()
type(k), len(k), list(k)
p.values()
p.items()
list(p.items())[-1]
'x' in p.keys()
sys.getsizeof(p.keys())
p.get([])
