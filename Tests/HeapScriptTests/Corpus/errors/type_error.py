1 + 'a'
'a' * 'b'
len(5)
def f(a, b):
    return a

f(1)
f(1, 2, 3)
None()
[1] < 'a'
x = 5
x[0]
'survived'
