def add(a, b=10):
    return a + b

add(1)
add(1, 2)
def greet(name, greeting='hello', punct='!'):
    return greeting + ', ' + name + punct

greet('bob')
greet('bob', 'hi')
greet('bob', 'hi', '?')
def nothing():
    pass

nothing()
print(nothing())
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

fact(10)
fact(30)
def fib(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a

[fib(i) for i in range(15)]
counter = 0
def bump():
    global counter
    counter += 1
    return counter

bump()
bump()
counter
def multi():
    return 1, 2

multi()
q, r = multi()
q + r
def append_to(x, acc=[]):
    acc.append(x)
    return acc

append_to(1)
append_to(2)
