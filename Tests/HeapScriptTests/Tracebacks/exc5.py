class M:
    def __enter__(self): return self
    def __exit__(self, *a):
        raise ValueError("x")

with M():
    x = 1
    if x:
        y = 2
    else:
        y = 3
