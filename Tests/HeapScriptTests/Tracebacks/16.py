x = []
x.append()
