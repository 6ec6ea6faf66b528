import sys
v1 = []
def f2(a, n=3):
    out = []
    return out

v3 = f2(v1)
v3.extend(range(12))
sys.getsizeof(v3)
