import sys, reprlib
if sys.version_info >= (3, 12):
    r = reprlib.Repr(maxlist=2, maxlevel=3, indent=4)
    print(r.repr([1, [2, [3, [4]]], 5]))
    r = reprlib.Repr(indent='--')
    print(r.repr({'a': [1, 2], 'b': (3,)}))
    r = reprlib.Repr(fillvalue='~', maxdict=1)
    print(r.repr({'a': 1, 'b': 2}))
    r = reprlib.Repr(indent=0)
    print(r.repr([1, 2]))
    print(r.repr([]))
    print(r.repr((1,)))

print(reprlib.Repr().repr((1,)))
