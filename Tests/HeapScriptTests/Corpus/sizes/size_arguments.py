bytes(-1)
bytes(2**62)
bytes(10**20)
bytes(3)
bytes('a')
b'ab' * 2**62
b'a' * 2**62
'ab' * 2**62
'a' * 2**62
[0] * 2**62
(0,) * 2**62
len(range(2**63 - 1))
type(1, 2)
'still running'
