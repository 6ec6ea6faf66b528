import ctypes
a = [1, 2]
h = hex(id(a))
h == hex(id(a))
print(h == hex(id(a)))
h == '0x7f0000000000'
