import sys
# The fields an exception type adds to BaseException's struct (Include/cpython/pyerrors.h).
[sys.getsizeof(e) for e in (BaseException(), ValueError(), KeyError('k'))]
sys.getsizeof(AttributeError()), sys.getsizeof(NameError()), sys.getsizeof(UnboundLocalError())
sys.getsizeof(ImportError()), sys.getsizeof(ModuleNotFoundError())
sys.getsizeof(StopIteration()), sys.getsizeof(SystemExit())
