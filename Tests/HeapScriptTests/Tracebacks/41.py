s = '\u4e2d\u6587'
t = s + 1
