def outer():
    n = 0
    def inner():
        nonlocal n
        n += "x"
    inner()

outer()
