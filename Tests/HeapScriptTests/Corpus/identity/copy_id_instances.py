import copy
class Box:
    def __init__(self):
        self.items = [7, 8]

b = Box()
c = copy.copy(b)
id(b) == id(c), id(b.items) == id(c.items)
b.items.append(9)
id(b.items) == id(c.items), c.items
d = copy.deepcopy(b)
id(b) == id(d), id(b.items) == id(d.items)
