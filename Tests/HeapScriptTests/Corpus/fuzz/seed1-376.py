v1 = []
class C0:
    def __del__(self):
        print('del C0')

v2 = [v1, v1]
v3 = C0(v2)
