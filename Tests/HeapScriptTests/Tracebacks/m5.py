x = []
y = (x
  .append(
  ))
