import reprlib
class B:
    def __repr__(self):
        raise ValueError('no')

reprlib.repr('abc')
s = reprlib.repr(B())
s[:14]
