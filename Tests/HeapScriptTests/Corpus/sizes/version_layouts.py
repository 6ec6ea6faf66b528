import sys
sys.getsizeof(int)
sys.getsizeof(dict)
class C:
    pass

sys.getsizeof(C)
sys.getsizeof(C())
c = C()
c.a = 1
sys.getsizeof(c), sys.getsizeof(c.__dict__)
sys.getsizeof('Seema')
sys.getsizeof('é'), sys.getsizeof('ÿ'), sys.getsizeof('éa'), sys.getsizeof('é' * 3)
sys.getsizeof('€'), sys.getsizeof('😀'), sys.getsizeof('a' * 200)
def f():
    pass

sys.getsizeof(f)
sys.getsizeof(True), sys.getsizeof(0), sys.getsizeof(2**100), sys.getsizeof(1.0)
sys.getsizeof(range(10)), sys.getsizeof(iter(range(10))), sys.getsizeof(iter([]))
sys.getsizeof(ValueError())
