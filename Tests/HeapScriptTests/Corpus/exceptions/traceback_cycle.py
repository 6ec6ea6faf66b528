import gc
def cyc():
    data = [1, 2, 3]
    try:
        1 / 0
    except ZeroDivisionError as e:
        saved = e
    return len(data)

gc.collect()
cyc()
gc.collect()
