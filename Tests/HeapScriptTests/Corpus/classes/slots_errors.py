try:
    class A:
        __slots__ = ('x',)
        x = 1
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
else:
    print('ok', A)

try:
    class A:
        __slots__ = (1,)
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
else:
    print('ok', A)

try:
    class A:
        __slots__ = ['x', 2]
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
else:
    print('ok', A)

try:
    class A:
        __slots__ = ('1x',)
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
else:
    print('ok', A)

try:
    class A:
        __slots__ = ('',)
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
else:
    print('ok', A)

try:
    class A:
        __slots__ = 'a b'
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
else:
    print('ok', A)

try:
    class A:
        __slots__ = ['x']
        x = 1
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
else:
    print('ok', A)

try:
    class A:
        __slots__ = 'x'
        def x(self):
            pass
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
else:
    print('ok', A)

try:
    class A:
        __slots__ = ('x', 'y')
        y = 2
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
else:
    print('ok', A)

try:
    class A:
        __slots__ = ('ok', 3)
        ok = 1
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
else:
    print('ok', A)

A = None
import gc
gc.collect()
