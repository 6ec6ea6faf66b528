a = 1001; b = 1002
p = []; q = []; pa = id(p); qa = id(q); del p; del q; r = [1, 2] + [3]; n = []; m = []; id(n) == pa, id(m) == qa, id(n) == qa, id(m) == pa
p = str(5001); q = str(5002); pa = id(p); qa = id(q); del p; del q; s = f'{a}-{b}'; n = str(9001); m = str(9002); id(n) == pa, id(m) == qa, id(n) == qa, id(m) == pa, id(s) == pa, id(s) == qa
p = int('5001'); q = int('5002'); pa = id(p); qa = id(q); del p; del q; r = int('7001') - int('7002'); n = int('9001'); m = int('9002'); id(n) == pa, id(m) == qa, id(n) == qa, id(m) == pa
