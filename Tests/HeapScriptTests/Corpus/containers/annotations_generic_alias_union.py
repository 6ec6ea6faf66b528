x = list[int]
print("made")
x | None
