del qq
