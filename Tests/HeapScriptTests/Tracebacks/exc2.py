def lookup(table, key):
    try:
        return table[key]
    except KeyError as missing:
        raise LookupError('no ' + key) from missing

lookup({}, 'k')
