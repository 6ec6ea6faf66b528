x = []
y = x.append()
