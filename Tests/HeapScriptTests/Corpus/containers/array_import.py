import gc, sys
gc.collect()
import array
gc.get_count()
