import sys
def f4(a, n=3):
    out = []
    return out

v5 = f4(1)
v5.extend(range(3))
sys.getsizeof(v5)
