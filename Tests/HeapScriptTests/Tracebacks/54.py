while 1/0:
    pass
