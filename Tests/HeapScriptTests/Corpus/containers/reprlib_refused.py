import reprlib
class E:
    pass

reprlib.repr([1, 2])
s = reprlib.repr(E())
s[:16]
