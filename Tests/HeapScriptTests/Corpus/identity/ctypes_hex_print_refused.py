import ctypes
a = [1, 2]
h = hex(id(a))
print(type(h))
print(h[:2])
