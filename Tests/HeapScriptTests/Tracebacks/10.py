zz
