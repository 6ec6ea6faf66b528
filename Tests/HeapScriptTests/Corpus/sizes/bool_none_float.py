import sys
sys.getsizeof(True)
sys.getsizeof(False)
sys.getsizeof(None)
sys.getsizeof(1.5)
sys.getsizeof(0.0)
sys.getsizeof(-3.25e100)
x = 2.5
sys.getsizeof(x)
