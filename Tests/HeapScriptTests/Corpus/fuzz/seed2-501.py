v1 = list(range(34))
class C0:
    def __del__(self):
        print('del C0')

v3 = C0(v1)
