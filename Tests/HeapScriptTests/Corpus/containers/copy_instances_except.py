import copy
class P:
    pass

p = P()
p.a = 1
try:
    1/0
except ZeroDivisionError:
    q = copy.copy(p)

print(q.a)
try:
    1/0
except ZeroDivisionError:
    r = copy.deepcopy(p)

print(r.a)
