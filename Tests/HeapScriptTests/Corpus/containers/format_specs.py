import sys
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

n = 1234567
f'{n:,}', f'{n:_}', f'{n:>12}', f'{n:<12}|', f'{n:^12}|', f'{n:*^13}', f'{n:+}', f'{-n: }', f'{n:012,}', f'{n:08,}'
f'{255:x}', f'{255:#X}', f'{255:#o}', f'{255:b}', f'{255:#_b}', f'{-255:#x}', f'{65:c}', f'{n:=+12}', f'{0:05}', f'{-42:05d}'
x = 3.14159
f'{x:.2f}', f'{x:10.3f}|', f'{x:<10.1f}|', f'{x:e}', f'{x:.3E}', f'{x:%}', f'{0.256:.1%}', f'{x:+.0f}', f'{-x:08.2f}', f'{1e6:,.2f}'
f'{x}', f'{x:10}|', f'{0.1:.20f}', f'{2.5:.0f}', f'{3.5:.0f}', f'{1.005:.2f}', f'{-0.0:.1f}', f'{1e300:.2e}', f'{123456789.0:.3e}', f'{0.000123:.2e}'
f'{x:g}', f'{1234567.0:g}', f'{0.0001:g}', f'{0.00001:g}', f'{100.0:g}', f'{x:.3g}', f'{1e16:g}', f'{x:.3}', f'{1234.5:.2}', f'{1.0:.3}'
f'{float("inf"):f}', f'{float("-inf"):10}|', f'{float("nan"):F}', f'{2.0:#.0f}', f'{x:#g}', f'{1.0:#}', f'{1e22}', f'{1e-7}'
s = 'memory'
f'{s:>10}', f'{s:<10}|', f'{s:^10}|', f'{s:.3}', f'{s:*>9.2}', f'{s:s}', f'{True:>6}', f'{True:d}', f'{None!r:>6}', f'{[1, 2]!s:>8}'
format(n, ','), format(x, '.2f'), format(s, '^8'), format(n), format(x), format(s), format(None), format([1]), format(True)
r = f'{n:,}'
sys.getsizeof(r), sys.getrefcount(r), sys.getsizeof(f'{x:.2f}')
show(lambda: f'{s:d}')
show(lambda: f'{n:s}')
show(lambda: f'{x:d}')
show(lambda: f'{n:.2d}')
show(lambda: f'{s:+}')
show(lambda: f'{s:=10}')
show(lambda: format(n, 'zz'))
show(lambda: format([1], 'x'))
show(lambda: format(None, '>4'))
show(lambda: format(n, ',_'))
show(lambda: format(n, '_,'))
show(lambda: format(s, ','))
show(lambda: format(x, '.'))
show(lambda: format(n, 1))
show(lambda: format(256, 'c'))
show(lambda: format(-1, 'c'))
show(lambda: format(65, '+c'))
