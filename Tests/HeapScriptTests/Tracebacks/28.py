a = 1
b = 'x'
a+b
