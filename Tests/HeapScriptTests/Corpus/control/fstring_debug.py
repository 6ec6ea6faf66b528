x = 3.5
name = 'ab'
f"{x=}"
f"a {x = } b {name=!s} {x=:.2f} {x=!r:>8}|"
print(f"{x*2=}", f"{ name = }", f"{[1, 2]=}")
import sys
s = f"{name=}"
sys.getsizeof(s), s
