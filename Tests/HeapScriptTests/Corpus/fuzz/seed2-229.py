class C0:
    def __del__(self):
        print('del C0')

v3 = [17]
v4 = C0(v3)
