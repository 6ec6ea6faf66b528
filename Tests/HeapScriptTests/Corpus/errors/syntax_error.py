x = = 1
print('after')
1 +
def f(:
    pass

'next'
x = (1, 2
y = 3)
z = 7
z
for in range(3):
    pass

z + 1
