class C:
    def m(self):
        pass

c = C()
d = C()
c.m == c.m, c.m is c.m, c.m != c.m
c.m == d.m, C.m == C.m
l = []
l.append == l.append, l.append == [].append, l.append != l.append
len == len, len == abs
c.m == C.m
f = c.m
f == c.m, f.__func__ is C.m
