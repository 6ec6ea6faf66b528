import sys
data = []
i = 0
while i < 10:
    data.append([i] * i)
    i += 1

len(data)
sum([len(d) for d in data])
[sys.getsizeof(d) for d in data]
sys.getsizeof(data)
data = [x for x in data if len(x) % 2 == 0]
len(data)
sys.getsizeof(data)
