import sys
def tag(fn):
    fn.tagged = True
    return fn

def twice(fn):
    def run():
        fn()
        return fn()
    return run

@tag
def hello():
    return 'hi'

hello.tagged
hello()
calls = []
@twice
def noisy():
    calls.append(1)
    return len(calls)

noisy()
noisy.__name__
@tag
@twice
def both():
    return 3

both.tagged
both()
@tag
class K:
    pass

K.tagged
sys.getrefcount(hello)
