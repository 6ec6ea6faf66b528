import sys, gc
class S:
    __slots__ = ('b', 'a')
    y = 2

S.__dict__
list(S.__dict__)
S.__dict__['a'] is S.a, S.__dict__['b']
type(S.__dict__['a'])
s = S()
hasattr(s, '__dict__')
'__dict__' in dir(s)
'__dict__' in S.__dict__
class P:
    pass

o = P()
hasattr(o, '__dict__')
'__dict__' in dir(o)
'__dict__' in P.__dict__
P.__dict__['__dict__']
P.__dict__['__weakref__']
class W:
    __slots__ = ('__weakref__',)

W.__dict__
class Q:
    __slots__ = ()

Q.__dict__
len(Q.__dict__)
class G:
    def m(self): return __class__

list(G.__dict__)
G().m() is G
S.__dict__.keys()
sorted(S.__dict__.keys())
P.__dict__.keys()
