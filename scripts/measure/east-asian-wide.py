"""The code points unicodedata.east_asian_width() calls wide ('W') or full-width ('F'), per
Unicode database: tracebacks (3.11+) count them as two columns when they place their carets
(Lib/traceback.py _display_width; Python/traceback.c). Run once per interpreter; the outputs
make Sources/HeapScript/Runtime/EastAsianWidth+Data.swift:

    for v in 3.11.7 3.12.1 3.13.0; do python$v scripts/measure/east-asian-wide.py; done"""
import sys, unicodedata

ranges, start = [], None
for cp in range(sys.maxunicode + 2):
    wide = cp <= sys.maxunicode and unicodedata.east_asian_width(chr(cp)) in "WF"
    if wide and start is None:
        start = cp
    elif not wide and start is not None:
        ranges.append((start, cp - 1)); start = None
name = "unicode" + unicodedata.unidata_version.replace(".", "_")
print(f"    /// unicodedata {unicodedata.unidata_version} (CPython {sys.version.split()[0]}): {len(ranges)} ranges.")
print(f"    static let {name}: [ClosedRange<UInt32>] = [")
for i in range(0, len(ranges), 4):
    print("        " + " ".join(f"0x{a:X}...0x{b:X}," for a, b in ranges[i:i + 4]))
print("    ]")
