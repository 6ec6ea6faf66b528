import sys
sys.getrefcount(2j)
sys.getrefcount(1 + 2j)
sys.getrefcount(-(3 + 4j))
sys.getrefcount((1j, 2))
z = 5 - 6j
sys.getrefcount(z)
def k():
    return 7 + 8j

sys.getrefcount(k())
k() is k()
