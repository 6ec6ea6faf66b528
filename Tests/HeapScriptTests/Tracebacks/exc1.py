def parse(text):
    try:
        return int(text)
    except ValueError:
        return {}[text]

def load(items):
    total = 0
    for item in items:
        total += parse(item)
    return total

load(['1', 'x'])
