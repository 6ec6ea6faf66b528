import sys
class C:
    "doc of C"
    x = 1

C.__doc__
C.__doc__ is C().__doc__
sys.getrefcount(C.__doc__)
C.x
class E:
    """E's doc"""
    def m(self):
        "method doc"
        return 1

E.m.__doc__
E().m()
E.__doc__
