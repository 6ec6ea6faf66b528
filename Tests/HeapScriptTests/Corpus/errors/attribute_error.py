x = 5
x.foo
[].bar
class C:
    pass

c = C()
c.missing
c.present = 1
c.present
del c.present
c.present
None.x
'done'
