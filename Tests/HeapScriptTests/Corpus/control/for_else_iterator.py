import sys
l = [1, 2]
it = iter(l)
for x in it:
    pass
else:
    print(sys.getrefcount(it))

sys.getrefcount(it)
it = iter(l)
for x in it:
    break
else:
    print('not reached')

sys.getrefcount(it)
def f():
    it = iter([3])
    for x in it:
        pass
    else:
        print(sys.getrefcount(it))
    print(sys.getrefcount(it))

f()
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)

for x in [D(1), 2]:
    print('body', x.__class__.__name__ if x != 2 else x)
else:
    print('else')

print('end')
