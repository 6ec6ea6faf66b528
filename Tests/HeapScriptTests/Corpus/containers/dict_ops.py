d = {'a': 1, 'b': 2}
d['c'] = 3
d
d.get('a')
d.get('z')
d.get('z', 0)
list(d.keys())
list(d.values())
list(d.items())
'a' in d
d.pop('a')
d
d.setdefault('q', 9)
d
d.update({'b': 20, 'e': 5})
d
len(d)
for k in d:
    print(k, d[k])

{k: v * 2 for k, v in d.items()}
dict(zip_like=1)
sorted(d)
del d['b']
d
