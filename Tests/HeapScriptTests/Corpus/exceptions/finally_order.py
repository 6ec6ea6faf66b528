import sys
log = []
def a():
    try:
        log.append('a try')
        b()
    finally:
        log.append('a finally')

def b():
    try:
        try:
            log.append('b try')
            raise KeyError('b')
        finally:
            log.append('b inner finally')
    except IndexError:
        log.append('not here')
    finally:
        log.append('b outer finally')

try:
    a()
except KeyError as e:
    log.append('caught ' + repr(e.args))

log
def loop():
    out = []
    for i in range(4):
        try:
            try:
                if i % 2:
                    raise ValueError(i)
                out.append(i)
            finally:
                out.append(-i)
        except ValueError:
            out.append('v')
            continue
        finally:
            out.append('outer')
        if i == 2:
            break
    return out

loop()
def keeps(x):
    try:
        return x
    finally:
        print(sys.getrefcount(x))

v = object()
keeps(v) is v
sys.getrefcount(v)
def replaced():
    try:
        raise KeyError('first')
    finally:
        print('cleanup')

try:
    replaced()
except LookupError as err:
    print(type(err).__name__, err.__context__)

def nested_handlers():
    try:
        raise TypeError('outer')
    except TypeError as outer:
        try:
            raise ValueError('inner')
        except ValueError as inner:
            print(inner.__context__ is outer, sys.getrefcount(outer), sys.getrefcount(inner))
        print(sys.exc_info()[1] is outer)
    print(sys.exc_info())

nested_handlers()
