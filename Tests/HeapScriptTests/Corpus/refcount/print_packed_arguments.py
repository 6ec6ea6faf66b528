import sys
class S:
    def __str__(self):
        return 'refs %d' % sys.getrefcount(self)

s = S()
print(s)
print(S())
print(s, sep='')
print(1, s)
