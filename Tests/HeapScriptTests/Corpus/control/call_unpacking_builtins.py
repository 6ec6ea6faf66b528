import sys
class S:
    def __str__(self):
        return 'refs %d' % sys.getrefcount(self)
    def __iter__(self):
        print('iter', sys.getrefcount(self))
        return iter([1, 2])

print(*[S()])
print(*(S(),), sep='', end='.\n')
s = S()
print(*[s], **{'sep': '-'})
print(max(*[s]), sum(*[s]), min(*(s,)))
print(max(*[S()]), sorted(S()))
def k(a, b):
    return sys.getrefcount(a), sys.getrefcount(b)

print(k(*[s], **{'b': s}))
print(len(*['abc']), repr(*[s]) == repr(s), isinstance(*[s, S]), abs(*[-3]))
