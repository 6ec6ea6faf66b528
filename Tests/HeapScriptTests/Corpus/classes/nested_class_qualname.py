class A:
    class B:
        class C:
            pass
    def f(self):
        pass

A.B.__qualname__, A.B.__name__, A.B.C.__qualname__, A.f.__qualname__
A.B
A.B.C
type(A.B.C()).__qualname__
