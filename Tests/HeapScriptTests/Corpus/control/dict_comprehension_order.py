d = {print("key", x) or x: print("value", x) or -x for x in [1, 2]}
d
{print("k"): print("v")}
