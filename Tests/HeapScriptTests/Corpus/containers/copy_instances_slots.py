import copy, sys, gc
class S:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = [1]

s = S()
s.a
gc.collect()
t = copy.copy(s)
print(gc.get_count())
print(t.a is s.a, S.__slotnames__, sys.getrefcount(s.a))
gc.collect()
t2 = copy.copy(s)
print(gc.get_count())
u = copy.deepcopy(s)
print(u.a is s.a, u.a)
class T(S):
    __slots__ = ('c',)
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = [3]

x = T()
y = copy.copy(x)
print(y.a, y.b, y.c is x.c, T.__slotnames__)
class W:
    __slots__ = ('a', '__dict__')

w = W()
w.a = 1
w.z = [2]
v = copy.copy(w)
print(v.a, v.z is w.z, W.__slotnames__)
