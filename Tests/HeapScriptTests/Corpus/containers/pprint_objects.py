import pprint
class Node:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        print('repr', self.name)
        return 'Node(' + repr(self.name) + ')'

nodes = [Node('n%d' % i) for i in range(3)]
pprint.pprint(nodes)
pprint.pprint({'root': Node('r' * 70), 'kids': nodes})
print(pprint.isreadable(nodes[0]), pprint.isreadable([1, 2]))
class Plain:
    pass

print(pprint.isreadable(Plain()), pprint.isrecursive(Plain()))
r = [1, 2]
r.append(r)
print(pprint.isrecursive(r), pprint.isreadable(r))
print(type(pprint.pprint).__name__, pprint.pprint.__name__)
s = pprint.pformat(r)
print(s.startswith("[1, 2, <Recursion on list with id="))
