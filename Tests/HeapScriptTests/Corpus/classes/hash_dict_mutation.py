import sys
class Mut:
    def __init__(self, d):
        self.d = d
    def __eq__(self, o):
        self.d.clear()
        return False
    def __hash__(self):
        return 1

dd = {}
dd[Mut(dd)] = 1
dd[Mut(dd)] = 2
len(dd)
