def again():
    try:
        [].pop()
    except IndexError:
        raise

def outer():
    try:
        again()
    except IndexError as e:
        raise e

outer()
