a = 256
b = 256
a is b
a = 257
b = 257
a is b
a = -5
b = -5
a is b
a = -6
b = -6
a is b
x = 100
y = 50 + 50
x is y
x = 1000
y = 500 + 500
x is y
x == y
