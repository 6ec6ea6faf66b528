import ctypes
b = [1, 2]
cell = ctypes.c_long.from_address(id(b))
cell.value
c = b
cell.value
del c
cell.value
del b
cell.value
