import sys
v = 1
bl = [v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v]
sys.getsizeof(bl)
bt = (v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v)
sys.getsizeof(bt)
bs = {v + 0, v + 1, v + 2, v + 3, v + 4, v + 5, v + 6, v + 7, v + 8, v + 9, v + 10, v + 11, v + 12, v + 13, v + 14, v + 15, v + 16, v + 17, v + 18, v + 19, v + 20, v + 21, v + 22, v + 23, v + 24, v + 25, v + 26, v + 27, v + 28, v + 29, v + 30, v + 31, v + 32}
sys.getsizeof(bs)
bd = {'k0' + '': v, 'k1' + '': v, 'k2' + '': v, 'k3' + '': v, 'k4' + '': v, 'k5' + '': v, 'k6' + '': v, 'k7' + '': v, 'k8' + '': v, 'k9' + '': v, 'k10' + '': v, 'k11' + '': v, 'k12' + '': v, 'k13' + '': v, 'k14' + '': v, 'k15' + '': v, 'k16' + '': v, 'k17' + '': v, 'k18' + '': v, 'k19' + '': v, 'k20' + '': v, 'k21' + '': v, 'k22' + '': v, 'k23' + '': v, 'k24' + '': v, 'k25' + '': v, 'k26' + '': v, 'k27' + '': v, 'k28' + '': v, 'k29' + '': v, 'k30' + '': v, 'k31' + '': v, 'k32' + '': v, 'k33' + '': v, 'k34' + '': v, 'k35' + '': v, 'k36' + '': v, 'k37' + '': v, 'k38' + '': v, 'k39' + '': v}
sys.getsizeof(bd)
bd2 = {'k0': v, 'k1': v, 'k2': v, 'k3': v, 'k4': v, 'k5': v, 'k6': v, 'k7': v, 'k8': v, 'k9': v, 'k10': v, 'k11': v, 'k12': v, 'k13': v, 'k14': v, 'k15': v, 'k16': v, 'k17': v, 'k18': v, 'k19': v, 'k20': v, 'k21': v, 'k22': v, 'k23': v, 'k24': v, 'k25': v, 'k26': v, 'k27': v, 'k28': v, 'k29': v, 'k30': v, 'k31': v, 'k32': v, 'k33': v, 'k34': v, 'k35': v, 'k36': v, 'k37': v, 'k38': v, 'k39': v}
sys.getsizeof(bd2)
bd3 = {'k0': v, 'k1': v, 'k2': v, 'k3': v, 'k4': v, 'k5': v, 'k6': v, 'k7': v, 'k8': v, 'k9': v, 'k10': v, 'k11': v, 'k12': v, 'k13': v, 'k14': v, 'k15': v, 'k16': v}
sys.getsizeof(bd3)
bd4 = {'k0': v, 'k1': v, 'k2': v, 'k3': v, 'k4': v, 'k5': v}
sys.getsizeof(bd4)
