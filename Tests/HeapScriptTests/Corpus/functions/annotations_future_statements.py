from __future__ import annotations, division
from __future__ import generator_stop
from __future__ import (nested_scopes,
    print_function)
import __future__
__future__.annotations is annotations
__future__.all_feature_names
__future__.__all__
annotations.compiler_flag, annotations.getMandatoryRelease()
__future__.division, __future__.CO_FUTURE_DIVISION
print(__future__._Feature.getMandatoryRelease.__doc__)
__future__.nope
x = 1; from __future__ import division
if True:
    from __future__ import division

from __future__ import braces
from __future__ import nope
print("end")
