import sys
x = 123456789
sys.getrefcount(x)
y = 3.14159
sys.getrefcount(y)
z = (1, 2, 3)
sys.getrefcount(z)
big = 10**30
sys.getrefcount(big)
s = 'a string with spaces'
sys.getrefcount(s)
