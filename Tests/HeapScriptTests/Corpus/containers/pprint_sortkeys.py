import pprint
pprint.pprint({'z': 1, 'a': 2, 10: 3, 2.5: 4, None: 5, (1, 2): 6})
pprint.pprint({3: 'c', 1: 'a', 2: 'b', True: 'bool'}, width=20)
pprint.pprint({'b': [3, 1], 1: 'one', 'a': {2: 'x', 'y': 1}}, width=20)
print(pprint.saferepr({2: 1, 'x': 0, 1.5: None}))
