class Resource:
    def __enter__(self):
        return self
    def __exit__(self, kind, value, tb):
        return False

def work(items):
    with Resource():
        try:
            items.pop()
        finally:
            items.append(None)
            len(items) / 0

work([1])
