class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count

a = Counter()
b = Counter()
Counter.count
a.id, b.id
a.count
a.count = 100
a.count
Counter.count
class Sub(Counter):
    def __init__(self):
        Counter.__init__(self)
        self.sub = True

s = Sub()
s.id, s.sub
isinstance(s, Counter)
isinstance(a, Sub)
Counter.count
