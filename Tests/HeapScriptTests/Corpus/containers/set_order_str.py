# Sets of str and bytes: where each key lands depends on its SipHash (PYTHONHASHSEED=0 here).
import sys
s = set()
for w in ["apple", "banana", "cherry", "date", "elder", "fig"]:
    s.add(w)

s
sorted(s)
hash("heap"), hash(b"heap"), hash(""), hash(b""), hash("é"), hash("€"), hash("𝄞x")
hash(("a", 1, b"b"))
t = set("mississippi")
t
frozenset(["x", "yy", "zzz", "é", "€"])
u = s | {"grape"}
u
u.discard("apple")
u
list(u)
d = {}
for w in s:
    d[w] = len(w)

d
b = {b"one", b"two", b"three"}
b
sys.getsizeof(s), sys.getsizeof(t), sys.getsizeof(b)
u.pop()
u
