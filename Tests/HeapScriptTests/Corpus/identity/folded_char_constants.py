c1 = 'a'
c2 = 'xa'[1]
c1 is c2
s = 'xa'
s[1] is c2
c3 = 'x' + 'a'
c3[1] is c1
c4 = ('a', 'b')[0]
c4 is c1
