import sys
def f1(a, b=None):
    c = [a, b]
    return c

v2 = f1(1)
v2.insert(0, 221)
v2.append(v2)
v2.extend(range(17))
sys.getsizeof(v2)
