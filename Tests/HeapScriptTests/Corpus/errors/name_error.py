undefined_name
print('after')
x = 1
del x
x
def f():
    return missing

f()
'still running'
