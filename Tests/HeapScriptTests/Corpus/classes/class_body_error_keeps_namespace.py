import sys
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)

class K:
    x = D(4)
    y = undefined

print('after')
1/0
print('--')
def make():
    class L:
        z = D(5)
        w = 1/0

make()
print('--')
[].pop()
print('end')
