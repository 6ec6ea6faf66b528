import pprint
data = {'name': 'heap', 'sizes': [16, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192], 'more': {'a': [1, [2, [3, [4]]]], 'b': 2}}
pprint.pprint(data, width=30)
pprint.pprint(data, indent=4, width=40)
pprint.pprint(data, depth=2)
pprint.pprint(data['sizes'], width=30, compact=True)
pprint.pprint(list(range(100)), compact=True)
print(pprint.pformat(data, depth=1))
pprint.pprint([[1, 2, 3], [4, 5, 6]], width=10)
pprint.pprint({'x': 'y' * 100}, width=40)
pprint.pprint(2 ** 100)
