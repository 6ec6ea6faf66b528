import ctypes
a = [1, 2]
print(hex(id(a)) == hex(id(a)))
len(hex(id(a)))
