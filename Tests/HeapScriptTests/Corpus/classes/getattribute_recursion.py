class Naive:
    def __getattribute__(self, name):
        return self.__dict__[name]

try:
    Naive().x
except RecursionError as e:
    print(type(e).__name__, e)

print('still here')
