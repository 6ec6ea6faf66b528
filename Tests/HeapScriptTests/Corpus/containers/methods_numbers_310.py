(255).bit_count(), (-7).bit_count(), (2**100 - 1).bit_count(), (0).bit_count()
