class Noisy:
    def __init__(self, name):
        self.name = name
        print('init', name)
    def __del__(self):
        print('del', self.name)

a = Noisy('a')
del a
b = Noisy('b')
b = Noisy('c')
c = Noisy('d')
d = c
del c
print('still alive')
del d
lst = [Noisy('e'), Noisy('f')]
lst.pop().name
len(lst)
del lst
def make():
    t = Noisy('temp')
    return 1

make()
x = Noisy('g')
x = None
print('end')
