import sys
try:
    raise OSError('disk')
except EnvironmentError as e:
    print(type(e).__name__, e.args, isinstance(e, Exception), IOError is OSError)

try:
    raise FileNotFoundError
except OSError as e:
    print(repr(e), sys.getsizeof(e))

issubclass(BrokenPipeError, ConnectionError), issubclass(UserWarning, Warning), issubclass(EOFError, Exception)
sys.getsizeof(OSError()), sys.getsizeof(EOFError('x')), sys.getsizeof(DeprecationWarning())
FileNotFoundError.__mro__
str(OSError('x')), repr(TimeoutError())
