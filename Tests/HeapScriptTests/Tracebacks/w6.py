len(5) # c
