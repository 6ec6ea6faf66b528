import weakref, sys
class C:
    pass

def report(tag, obj_list):
    print(tag, len(obj_list), sys.getrefcount(obj_list))

keep = []
objs = [C() for i in range(4)]
fs = [weakref.finalize(o, report, 'exit %d' % i, keep) for i, o in enumerate(objs)]
fs[1].atexit = False
fs[2]()
[f.alive for f in fs], [f.atexit for f in fs]
sys.getrefcount(keep)
late = C()
fl = weakref.finalize(late, print, 'made last, runs first')
