import sys
v = sys.version_info
sys.getsizeof(v)
sys.getrefcount(v)
