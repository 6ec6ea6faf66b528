import sys
x = []
sys.getrefcount(x)
def boom(arg):
    return arg[5]

boom(x)
sys.getrefcount(x)
def boom2(arg):
    return 1 / 0

boom2(x)
sys.getrefcount(x)
try_count = 0
int('nope')
try_count
'end'
