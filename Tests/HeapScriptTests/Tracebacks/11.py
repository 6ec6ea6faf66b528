y = zz + 1
