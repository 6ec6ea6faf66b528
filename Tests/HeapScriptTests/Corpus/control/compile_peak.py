import gc
gc.disable(); before = gc.get_stats()[0]['collections']
gc.set_threshold(gc.get_count()[0] + 12); gc.enable()
def f():
    pass

gc.disable(); gc.get_stats()[0]['collections'] - before
