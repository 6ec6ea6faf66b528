x = int('9' * 4300)
y = int('9' * 4301)
z = 10 ** 4300
len(str(z - 1))
str(z)
repr(z)
len(str(-z + 1))
int(' -1_2' + '1' * 4299)
int('1_0' * 2000) % 7
hex(z)[:5]
f'{z}'
print(z)
