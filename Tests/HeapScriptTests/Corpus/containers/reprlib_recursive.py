import reprlib
reprlib.recursive_repr.__name__
reprlib.recursive_repr.__doc__
class L(list):
    @reprlib.recursive_repr()
    def __repr__(self):
        return '<' + '|'.join(map(repr, self)) + '>'

m = L('ab')
m.append(m)
m
