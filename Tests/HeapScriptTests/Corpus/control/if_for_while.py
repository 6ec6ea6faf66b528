x = 7
if x > 5:
    print('big')
elif x > 2:
    print('medium')
else:
    print('small')

for i in range(5):
    if i == 1:
        continue
    if i == 4:
        break
    print('i =', i)

n = 0
while n < 3:
    n += 1
    print('n', n)

total = 0
for i in range(101):
    total += i

total
for c in 'ab':
    for d in 'xy':
        print(c + d)

while True:
    n -= 1
    if n == 0:
        break

n
if x: print('one-liner')

for i in range(3): print(i, end=' ')

print()
