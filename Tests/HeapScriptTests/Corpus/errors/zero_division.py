1 / 0
1 // 0
5 % 0
1.0 / 0
def g(n):
    return 10 / n

g(2)
g(0)
'ok'
