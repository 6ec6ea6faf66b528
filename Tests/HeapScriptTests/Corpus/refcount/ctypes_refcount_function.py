import ctypes
import sys
def show(x):
    addr = id(x)
    cell = ctypes.c_long.from_address(addr)
    print(cell.value, sys.getrefcount(x))
    y = x
    print(cell.value, sys.getrefcount(x))
    del y
    return cell.value

def make():
    s = {1, 2}
    return show(s)

make()
t = [[]]
show(t)
show(t[0])
u = t
show(t)
