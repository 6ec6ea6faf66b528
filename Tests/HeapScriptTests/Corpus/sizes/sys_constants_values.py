import sys
sys.maxsize
sys.maxsize == 2 ** 63 - 1
sys.maxsize is sys.maxsize
type(sys.maxsize)
sys.getsizeof(sys.maxsize)
sys.getsizeof(sys.maxsize + 1)
-sys.maxsize - 1
sys.maxsize.bit_length()
sys.byteorder
sys.platform
sys.platform.startswith('linux')
sys.hexversion >> 24
(sys.hexversion >> 16) & 0xff == sys.version_info.minor
hex(sys.hexversion)
sys.hexversion >= 0x030800F0
sys.maxunicode
sys.maxunicode == 0x10FFFF
len(chr(sys.maxunicode))
sys.getsizeof(chr(sys.maxunicode))
sys.getdefaultencoding()
sys.getsizeof(sys.getdefaultencoding())
sys.getdefaultencoding() is sys.getdefaultencoding()
e = sys.getdefaultencoding()
e == 'utf-8'
id(e) == id(sys.getdefaultencoding())
sys.getrecursionlimit()
sys.int_info
sys.int_info.bits_per_digit
sys.int_info.sizeof_digit
sys.getsizeof(sys.int_info)
len(sys.int_info)
sys.float_info
sys.float_info.max
sys.float_info.epsilon
sys.float_info.mant_dig
sys.float_info.max * 2
1.0 + sys.float_info.epsilon > 1.0
sys.float_info[0] == sys.float_info.max
sys.getsizeof(sys.float_info)
sys.getsizeof(sys.float_info.max)
sys.hash_info
sys.hash_info.modulus
sys.hash_info.inf == hash(float('inf'))
sys.hash_info.width
sys.getsizeof(sys.hash_info)
type(sys.hash_info).__name__
sys.hash_info.algorithm
sys.getsizeof(1, 2)
sys.getsizeof(1, default=2)
sys.getsizeof([], None)
class Sized:
    def __sizeof__(self): return 10

sys.getsizeof(Sized(), 7)
