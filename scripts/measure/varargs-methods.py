"""The method descriptors of the builtin types whose call packs its arguments into a tuple:
METH_VARARGS without METH_FASTCALL in their PyMethodDef's ml_flags, read with ctypes.

    for v in 3.6.15 3.8.18 3.11.7 3.12.1 3.13.0; do $(pyenv root)/versions/$v/bin/python3 scripts/measure/varargs-methods.py; done

Prints one line per release; `Interpreter.varargsMethods` (ArgumentClinic.swift) is that data.
A method descriptor is PyDescr_COMMON (object header, d_type, d_name, d_qualname: 40 bytes
on 64-bit builds) then d_method; ml_flags is the int after ml_name and ml_meth."""
import ctypes, sys

METH_VARARGS, METH_FASTCALL = 0x1, 0x80

def flags(descr):
    d_method = ctypes.c_void_p.from_address(id(descr) + 40).value
    return ctypes.c_int.from_address(d_method + 16).value

out = []
for tname, t in [('str', str), ('bytes', bytes), ('list', list), ('dict', dict), ('tuple', tuple), ('set', set),
                 ('int', int), ('float', float), ('bytearray', bytearray)]:
    for name, d in sorted(vars(t).items()):
        if type(d).__name__ == 'method_descriptor':
            f = flags(d)
            if f & METH_VARARGS and not f & METH_FASTCALL:
                out.append(f"{tname}.{name}")
print("%d.%d" % sys.version_info[:2], ' '.join(out))
