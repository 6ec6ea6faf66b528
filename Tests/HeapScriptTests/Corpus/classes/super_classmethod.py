class Base:
    @classmethod
    def make(cls):
        return cls.__name__
    @staticmethod
    def st(x):
        return x * 2

class Child(Base):
    @classmethod
    def make(cls):
        return "Child+" + super().make()
    @staticmethod
    def st(x):
        return super(Child, Child).st(x) + 1

Child.make(), Child().make(), Child.st(3)
super(Child, Child).make()
super(Child, Child()).make()
super(Child, Child).st(5)
m = super(Child, Child).make
m.__self__ is Child
