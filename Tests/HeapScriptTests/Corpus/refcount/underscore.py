import sys
x = []
x
sys.getrefcount(x)
1 + 1
sys.getrefcount(x)
y = [1, 2]
y
sys.getrefcount(y)
_
sys.getrefcount(y)
None
sys.getrefcount(y)
'done'
sys.getrefcount(y)
