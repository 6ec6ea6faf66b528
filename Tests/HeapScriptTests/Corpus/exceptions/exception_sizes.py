import sys
sys.getsizeof(ValueError())
sys.getsizeof(KeyError('k'))
try:
    1 / 0
except ZeroDivisionError as e:
    print(sys.getsizeof(e), sys.getsizeof(e.args), len(e.args))

