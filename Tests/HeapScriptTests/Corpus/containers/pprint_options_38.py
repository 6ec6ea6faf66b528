import pprint
data = {'zeta': 1, 'alpha': 2, 'mid': [3, 2, 1] * 10}
pprint.pprint(data, sort_dicts=False)
pprint.pp(data)
pprint.pp(data, width=20)
print(pprint.pformat({'b': 1, 'a': 2}, sort_dicts=False))
