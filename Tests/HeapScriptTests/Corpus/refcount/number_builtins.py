import sys
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

bin(10), bin(-10), bin(True), bin(0), oct(8), oct(-8), hex(255), hex(-2**70)
show(lambda: bin(1.5))
show(lambda: oct('a'))
show(lambda: hex([]))
chr(233) is chr(233), chr(233) is '\xe9'
chr(0x1F600), chr(0x3b1)
sys.getsizeof(chr(300)), sys.getsizeof(chr(0x1F600)), sys.getsizeof(chr(200))
show(lambda: chr(-1))
show(lambda: chr(0x110000))
show(lambda: chr(1.5))
show(lambda: chr('a'))
show(lambda: chr(2**31))
show(lambda: chr(-2**31 - 1))
show(lambda: chr(2**63))
ord('a'), ord('\xe9'), ord(b'a'), ord(chr(0x1F600)), ord(chr(256))
show(lambda: ord('ab'))
show(lambda: ord(''))
show(lambda: ord(b'ab'))
show(lambda: ord(1))
show(lambda: ord(None))
divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(0, 5), divmod(True, 2), divmod(2**70, 2**69)
show(lambda: divmod(7, 0))
divmod(7.5, 2), divmod(-7.5, 2), divmod(7, 0.5), divmod(-0.0, 3), divmod(1e300, 1e-300)
show(lambda: divmod(7, 0.0))
show(lambda: divmod(7.0, 0))
show(lambda: divmod('a', 2))
show(lambda: divmod(7, 'a'))
show(lambda: divmod([], {}))
t = divmod(7.5, 2)
sys.getsizeof(t), type(t[0]), sys.getrefcount(t)
a = 2.5
q = divmod(a, 1)
sys.getrefcount(a), q
q = None
t = None
import gc
gc.collect()
