class A:
    def __getattribute__(self, name):
        print('get', name)
        return object.__getattribute__(self, name)

a = A()
a.zz
print('after')
