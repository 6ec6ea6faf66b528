import gc
# A call with keyword arguments compiles a constant tuple of the keyword names.
_ = gc.collect()
print(1, end='')
gc.get_count()[0]
x = dict(a=1, b=2)
gc.get_count()[0]
sorted([3, 1], reverse=True)
gc.get_count()[0]
_ = gc.collect(); print(end=''); gc.get_count()[0]
