import copy, sys
a = [[1, 2], (3, [4])]
memo = {}
b = copy.deepcopy(a, memo)
print(len(memo), sys.getsizeof(memo), [type(v).__name__ for v in memo.values()])
keep = list(memo.values())[-1]
print(len(keep), keep[-1] is a, keep[0] is a[0], sys.getrefcount(a), sys.getrefcount(b))
c = copy.deepcopy(a, memo); print(c is b, len(memo))
del memo, keep
print(sys.getrefcount(a), sys.getrefcount(b))
