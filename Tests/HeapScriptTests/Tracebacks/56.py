x = None
x[0] = 1
