l = [iter(()) for _ in range(2)]
hash(map(str, [1])) == hash(map(str, [1]))
id(map(str, [1])) == id(map(str, [1]))
l = [iter(()) for _ in range(400)]
id(map(str, [1])) == id(map(str, [1]))
