class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)

def g(a, b, c, d):
    pass

g(D(1), D(2), D(3), undefined)
print('--')
[D(4), D(5), 1/0]
print('--')
(D(6), D(7), undefined)
print('--')
{D(8): 1, D(9): undefined}
print('--')
g(D(10), b=D(11), c=undefined)
print('--')
print(D(12), D(13), sep=undefined)
print('--')
[].append(D(14), D(15), undefined)
print('end')
