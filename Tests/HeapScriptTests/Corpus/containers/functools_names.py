import sys
import functools
from functools import reduce
functools.reduce is reduce
functools.__name__
functools.partial
functools.partialmethod
