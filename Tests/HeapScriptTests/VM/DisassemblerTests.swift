import XCTest
import Foundation
import HeapEngine
@testable import HeapScript

/// The VM's disassembly (Sources/HeapScript/VM/Disassembler.swift) against what `dis.dis`
/// prints on CPython 3.11.7 for the same source compiled in `exec` mode
/// (`python3.11 -c 'import dis; dis.dis(compile(src, "<stdin>", "exec"))'`), code object
/// addresses masked. Known differences, kept out of these programs: 3.11 compiles a `while`
/// test twice (the engine jumps back to it), KW_NAMES's oparg indexes the engine's call shapes
/// (3.11: a co_consts tuple the engine's co_consts lacks), a method of a module imported
/// in the same unit is LOAD_METHOD (3.11: LOAD_ATTR), a `pass` or `global` is a NOP, and the
/// constants of a comprehension's outermost iterable come before its code object in co_consts
/// (3.11 adds the code object first).
final class DisassemblerTests: XCTestCase {
    func check(_ source: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        let session = Session(profile: .cpython311)
        guard let text = session.disassemble(source) else { return XCTFail("not compiled to bytecode", file: file, line: line) }
        let masked = text.replacingOccurrences(of: "at 0x[0-9a-f]+", with: "at 0x...", options: .regularExpression)
        XCTAssertEqual(masked, expected + "\n", file: file, line: line)   // a """ literal drops the last newline
    }

    /// Starred targets (UNPACK_EX, EXTENDED_ARG for 256), a call with unpacking
    /// (CALL_FUNCTION_EX, a folded constant tuple), keyword-only parameters (MAKE_FUNCTION
    /// 0x02), the decorator pattern.
    func testUnpackingAndKeywordOnly() {
        check("a, *b = x\n*c, d = x\nf(x, *a, y=1, **k)\nf(1, **k)\ndef g(a, *, b, c=2):\n    return a\ndef h(*args, k=1, **kw):\n    return g(*args, **kw)\n", """
  0           0 RESUME                   0

  1           2 LOAD_NAME                0 (x)
              4 UNPACK_EX                1
              6 STORE_NAME               1 (a)
              8 STORE_NAME               2 (b)

  2          10 LOAD_NAME                0 (x)
             12 EXTENDED_ARG             1
             14 UNPACK_EX              256
             16 STORE_NAME               3 (c)
             18 STORE_NAME               4 (d)

  3          20 PUSH_NULL
             22 LOAD_NAME                5 (f)
             24 LOAD_NAME                0 (x)
             26 BUILD_LIST               1
             28 LOAD_NAME                1 (a)
             30 LIST_EXTEND              1
             32 LIST_TO_TUPLE
             34 LOAD_CONST               0 ('y')
             36 LOAD_CONST               1 (1)
             38 BUILD_MAP                1
             40 LOAD_NAME                6 (k)
             42 DICT_MERGE               1
             44 CALL_FUNCTION_EX         1
             46 POP_TOP

  4          48 PUSH_NULL
             50 LOAD_NAME                5 (f)
             52 LOAD_CONST               8 ((1,))
             54 BUILD_MAP                0
             56 LOAD_NAME                6 (k)
             58 DICT_MERGE               1
             60 CALL_FUNCTION_EX         1
             62 POP_TOP

  5          64 LOAD_CONST               2 (2)
             66 LOAD_CONST               3 (('c',))
             68 BUILD_CONST_KEY_MAP      1
             70 LOAD_CONST               4 (<code object g at 0x..., file "<stdin>", line 5>)
             72 MAKE_FUNCTION            2 (kwdefaults)
             74 STORE_NAME               7 (g)

  7          76 LOAD_CONST               1 (1)
             78 LOAD_CONST               5 (('k',))
             80 BUILD_CONST_KEY_MAP      1
             82 LOAD_CONST               6 (<code object h at 0x..., file "<stdin>", line 7>)
             84 MAKE_FUNCTION            2 (kwdefaults)
             86 STORE_NAME               8 (h)
             88 LOAD_CONST               7 (None)
             90 RETURN_VALUE

Disassembly of <code object g at 0x..., file "<stdin>", line 5>:
  5           0 RESUME                   0

  6           2 LOAD_FAST                0 (a)
              4 RETURN_VALUE

Disassembly of <code object h at 0x..., file "<stdin>", line 7>:
  7           0 RESUME                   0

  8           2 LOAD_GLOBAL              1 (NULL + g)
             14 LOAD_FAST                1 (args)
             16 BUILD_MAP                0
             18 LOAD_FAST                2 (kw)
             20 DICT_MERGE               1
             22 CALL_FUNCTION_EX         1
             24 RETURN_VALUE
""")
    }

    /// f-string fields with format specs: the spec is a constant after the value, FORMAT_VALUE
    /// 4 ("with format") or 6 ("repr, with format").
    func testFormatSpecs() {
        check("x = 5\ny = f'{x:>10} and {x!r:<3}'\n", """
  0           0 RESUME                   0

  1           2 LOAD_CONST               0 (5)
              4 STORE_NAME               0 (x)

  2           6 LOAD_NAME                0 (x)
              8 LOAD_CONST               1 ('>10')
             10 FORMAT_VALUE             4 (with format)
             12 LOAD_CONST               2 (' and ')
             14 LOAD_NAME                0 (x)
             16 LOAD_CONST               3 ('<3')
             18 FORMAT_VALUE             6 (repr, with format)
             20 BUILD_STRING             3
             22 STORE_NAME               1 (y)
             24 LOAD_CONST               4 (None)
             26 RETURN_VALUE
""")
    }

    /// `yield from` (GET_YIELD_FROM_ITER, SEND, the JUMP_BACKWARD_NO_INTERRUPT loop) and
    /// displays with unpacking (DICT_UPDATE, LIST_EXTEND, LIST_TO_TUPLE), as dis.dis of
    /// CPython 3.11.7 prints them.
    func testYieldFromAndDisplayUnpacking() {
        check("def g(x):\n    r = yield from x\n    return r\nd = {**a, \"k\": 1}\nt = (*a, 1)\n", """
  0           0 RESUME                   0

  1           2 LOAD_CONST               0 (<code object g at 0x..., file "<stdin>", line 1>)
              4 MAKE_FUNCTION            0
              6 STORE_NAME               0 (g)

  4           8 BUILD_MAP                0
             10 LOAD_NAME                1 (a)
             12 DICT_UPDATE              1
             14 LOAD_CONST               1 ('k')
             16 LOAD_CONST               2 (1)
             18 BUILD_MAP                1
             20 DICT_UPDATE              1
             22 STORE_NAME               2 (d)

  5          24 BUILD_LIST               0
             26 LOAD_NAME                1 (a)
             28 LIST_EXTEND              1
             30 LOAD_CONST               2 (1)
             32 LIST_APPEND              1
             34 LIST_TO_TUPLE
             36 STORE_NAME               3 (t)
             38 LOAD_CONST               3 (None)
             40 RETURN_VALUE

Disassembly of <code object g at 0x..., file "<stdin>", line 1>:
  1           0 RETURN_GENERATOR
              2 POP_TOP
              4 RESUME                   0

  2           6 LOAD_FAST                0 (x)
              8 GET_YIELD_FROM_ITER
             10 LOAD_CONST               0 (None)
        >>   12 SEND                     3 (to 20)
             14 YIELD_VALUE
             16 RESUME                   2
             18 JUMP_BACKWARD_NO_INTERRUPT     4 (to 12)
        >>   20 STORE_FAST               1 (r)

  3          22 LOAD_FAST                1 (r)
             24 RETURN_VALUE
""")
    }

    func testNames() {
        check("x = [1, 2]\ny = x\ndel x\n", """
  0           0 RESUME                   0

  1           2 LOAD_CONST               0 (1)
              4 LOAD_CONST               1 (2)
              6 BUILD_LIST               2
              8 STORE_NAME               0 (x)

  2          10 LOAD_NAME                0 (x)
             12 STORE_NAME               1 (y)

  3          14 DELETE_NAME              0 (x)
             16 LOAD_CONST               2 (None)
             18 RETURN_VALUE
""")
    }

    func testFunctionWithDefault() {
        check("def f(a, b=1):\n    c = a + b\n    return c\n\nf(2)\n", """
  0           0 RESUME                   0

  1           2 LOAD_CONST               4 ((1,))
              4 LOAD_CONST               1 (<code object f at 0x..., file "<stdin>", line 1>)
              6 MAKE_FUNCTION            1 (defaults)
              8 STORE_NAME               0 (f)

  5          10 PUSH_NULL
             12 LOAD_NAME                0 (f)
             14 LOAD_CONST               2 (2)
             16 PRECALL                  1
             20 CALL                     1
             30 POP_TOP
             32 LOAD_CONST               3 (None)
             34 RETURN_VALUE

Disassembly of <code object f at 0x..., file "<stdin>", line 1>:
  1           0 RESUME                   0

  2           2 LOAD_FAST                0 (a)
              4 LOAD_FAST                1 (b)
              6 BINARY_OP                0 (+)
             10 STORE_FAST               2 (c)

  3          12 LOAD_FAST                2 (c)
             14 RETURN_VALUE
""")
    }

    func testForIfCall() {
        check("for i in range(3):\n    if i < 2:\n        print(i)\n", """
  0           0 RESUME                   0

  1           2 PUSH_NULL
              4 LOAD_NAME                0 (range)
              6 LOAD_CONST               0 (3)
              8 PRECALL                  1
             12 CALL                     1
             22 GET_ITER
        >>   24 FOR_ITER                19 (to 64)
             26 STORE_NAME               1 (i)

  2          28 LOAD_NAME                1 (i)
             30 LOAD_CONST               1 (2)
             32 COMPARE_OP               0 (<)
             38 POP_JUMP_FORWARD_IF_FALSE    11 (to 62)

  3          40 PUSH_NULL
             42 LOAD_NAME                2 (print)
             44 LOAD_NAME                1 (i)
             46 PRECALL                  1
             50 CALL                     1
             60 POP_TOP
        >>   62 JUMP_BACKWARD           20 (to 24)

  1     >>   64 LOAD_CONST               2 (None)
             66 RETURN_VALUE
""")
    }

    func testSubscripts() {
        check("d = {\"a\": 1, \"b\": 2}\nt = (1, 2)\ns = d[\"a\"]\nd[\"c\"] = t[0] - 1\n", """
  0           0 RESUME                   0

  1           2 LOAD_CONST               0 (1)
              4 LOAD_CONST               1 (2)
              6 LOAD_CONST               2 (('a', 'b'))
              8 BUILD_CONST_KEY_MAP      2
             10 STORE_NAME               0 (d)

  2          12 LOAD_CONST               3 ((1, 2))
             14 STORE_NAME               1 (t)

  3          16 LOAD_NAME                0 (d)
             18 LOAD_CONST               4 ('a')
             20 BINARY_SUBSCR
             30 STORE_NAME               2 (s)

  4          32 LOAD_NAME                1 (t)
             34 LOAD_CONST               5 (0)
             36 BINARY_SUBSCR
             46 LOAD_CONST               0 (1)
             48 BINARY_OP               10 (-)
             52 LOAD_NAME                0 (d)
             54 LOAD_CONST               6 ('c')
             56 STORE_SUBSCR
             60 LOAD_CONST               7 (None)
             62 RETURN_VALUE
""")
    }

    func testRecursionAndMethods() {
        check("x = []\ndef g(obj, n):\n    if not obj or n > 2:\n        return len(obj)\n    x.append(n)\n    return g(obj, n + 1)\n\nprint(g(x, 0), x[-1])\n", """
  0           0 RESUME                   0

  1           2 BUILD_LIST               0
              4 STORE_NAME               0 (x)

  2           6 LOAD_CONST               0 (<code object g at 0x..., file "<stdin>", line 2>)
              8 MAKE_FUNCTION            0
             10 STORE_NAME               1 (g)

  8          12 PUSH_NULL
             14 LOAD_NAME                2 (print)
             16 PUSH_NULL
             18 LOAD_NAME                1 (g)
             20 LOAD_NAME                0 (x)
             22 LOAD_CONST               1 (0)
             24 PRECALL                  2
             28 CALL                     2
             38 LOAD_NAME                0 (x)
             40 LOAD_CONST               2 (-1)
             42 BINARY_SUBSCR
             52 PRECALL                  2
             56 CALL                     2
             66 POP_TOP
             68 LOAD_CONST               3 (None)
             70 RETURN_VALUE

Disassembly of <code object g at 0x..., file "<stdin>", line 2>:
  2           0 RESUME                   0

  3           2 LOAD_FAST                0 (obj)
              4 POP_JUMP_FORWARD_IF_FALSE     6 (to 18)
              6 LOAD_FAST                1 (n)
              8 LOAD_CONST               1 (2)
             10 COMPARE_OP               4 (>)
             16 POP_JUMP_FORWARD_IF_FALSE    15 (to 48)

  4     >>   18 LOAD_GLOBAL              1 (NULL + len)
             30 LOAD_FAST                0 (obj)
             32 PRECALL                  1
             36 CALL                     1
             46 RETURN_VALUE

  5     >>   48 LOAD_GLOBAL              2 (x)
             60 LOAD_METHOD              2 (append)
             82 LOAD_FAST                1 (n)
             84 PRECALL                  1
             88 CALL                     1
             98 POP_TOP

  6         100 LOAD_GLOBAL              7 (NULL + g)
            112 LOAD_FAST                0 (obj)
            114 LOAD_FAST                1 (n)
            116 LOAD_CONST               2 (1)
            118 BINARY_OP                0 (+)
            122 PRECALL                  2
            126 CALL                     2
            136 RETURN_VALUE
""")
    }

    /// compiler_try_except: the handlers' code after the body, `except ... as e`'s cleanup,
    /// and the exception table (dis.dis on 3.11.7).
    func testTryExcept() {
        check("def f():\n    try:\n        a()\n    except (TypeError, KeyError) as e:\n        b(e)\n    except ValueError:\n        c()\n    return 1\n", """
  0           0 RESUME                   0

  1           2 LOAD_CONST               0 (<code object f at 0x..., file "<stdin>", line 1>)
              4 MAKE_FUNCTION            0
              6 STORE_NAME               0 (f)
              8 LOAD_CONST               1 (None)
             10 RETURN_VALUE

Disassembly of <code object f at 0x..., file "<stdin>", line 1>:
  1           0 RESUME                   0

  2           2 NOP

  3           4 LOAD_GLOBAL              1 (NULL + a)
             16 PRECALL                  0
             20 CALL                     0
             30 POP_TOP
             32 JUMP_FORWARD            70 (to 174)
        >>   34 PUSH_EXC_INFO

  4          36 LOAD_GLOBAL              2 (TypeError)
             48 LOAD_GLOBAL              4 (KeyError)
             60 BUILD_TUPLE              2
             62 CHECK_EXC_MATCH
             64 POP_JUMP_FORWARD_IF_FALSE    25 (to 116)
             66 STORE_FAST               0 (e)

  5          68 LOAD_GLOBAL              7 (NULL + b)
             80 LOAD_FAST                0 (e)
             82 PRECALL                  1
             86 CALL                     1
             96 POP_TOP
             98 POP_EXCEPT
            100 LOAD_CONST               0 (None)
            102 STORE_FAST               0 (e)
            104 DELETE_FAST              0 (e)
            106 JUMP_FORWARD            33 (to 174)
        >>  108 LOAD_CONST               0 (None)
            110 STORE_FAST               0 (e)
            112 DELETE_FAST              0 (e)
            114 RERAISE                  1

  6     >>  116 LOAD_GLOBAL              8 (ValueError)
            128 CHECK_EXC_MATCH
            130 POP_JUMP_FORWARD_IF_FALSE    17 (to 166)
            132 POP_TOP

  7         134 LOAD_GLOBAL             11 (NULL + c)
            146 PRECALL                  0
            150 CALL                     0
            160 POP_TOP
            162 POP_EXCEPT
            164 JUMP_FORWARD             4 (to 174)

  6     >>  166 RERAISE                  0
        >>  168 COPY                     3
            170 POP_EXCEPT
            172 RERAISE                  1

  8     >>  174 LOAD_CONST               1 (1)
            176 RETURN_VALUE
ExceptionTable:
  4 to 30 -> 34 [0]
  34 to 66 -> 168 [1] lasti
  68 to 96 -> 108 [1] lasti
  108 to 160 -> 168 [1] lasti
  166 to 166 -> 168 [1] lasti
""")
    }

    /// Generators (RETURN_GENERATOR, YIELD_VALUE, RESUME 1), a generator expression whose
    /// iterated list display became a tuple, and `in` of a list display (ast_opt.c's fold_iter
    /// and fold_compare).
    func testGeneratorsAndFoldedDisplays() {
        check("def gen(n):\n    for i in range(n):\n        yield i * i\n\ng = (x + 1 for x in [b, a])\nb = 2 in [a, 3]\n", """
  0           0 RESUME                   0

  1           2 LOAD_CONST               0 (<code object gen at 0x..., file "<stdin>", line 1>)
              4 MAKE_FUNCTION            0
              6 STORE_NAME               0 (gen)

  5           8 LOAD_CONST               1 (<code object <genexpr> at 0x..., file "<stdin>", line 5>)
             10 MAKE_FUNCTION            0
             12 LOAD_NAME                1 (b)
             14 LOAD_NAME                2 (a)
             16 BUILD_TUPLE              2
             18 GET_ITER
             20 PRECALL                  0
             24 CALL                     0
             34 STORE_NAME               3 (g)

  6          36 LOAD_CONST               2 (2)
             38 LOAD_NAME                2 (a)
             40 LOAD_CONST               3 (3)
             42 BUILD_TUPLE              2
             44 CONTAINS_OP              0
             46 STORE_NAME               1 (b)
             48 LOAD_CONST               4 (None)
             50 RETURN_VALUE

Disassembly of <code object gen at 0x..., file "<stdin>", line 1>:
  1           0 RETURN_GENERATOR
              2 POP_TOP
              4 RESUME                   0

  2           6 LOAD_GLOBAL              1 (NULL + range)
             18 LOAD_FAST                0 (n)
             20 PRECALL                  1
             24 CALL                     1
             34 GET_ITER
        >>   36 FOR_ITER                 9 (to 56)
             38 STORE_FAST               1 (i)

  3          40 LOAD_FAST                1 (i)
             42 LOAD_FAST                1 (i)
             44 BINARY_OP                5 (*)
             48 YIELD_VALUE
             50 RESUME                   1
             52 POP_TOP
             54 JUMP_BACKWARD           10 (to 36)

  2     >>   56 LOAD_CONST               0 (None)
             58 RETURN_VALUE

Disassembly of <code object <genexpr> at 0x..., file "<stdin>", line 5>:
  5           0 RETURN_GENERATOR
              2 POP_TOP
              4 RESUME                   0
              6 LOAD_FAST                0 (.0)
        >>    8 FOR_ITER                 9 (to 28)
             10 STORE_FAST               1 (x)
             12 LOAD_FAST                1 (x)
             14 LOAD_CONST               0 (1)
             16 BINARY_OP                0 (+)
             20 YIELD_VALUE
             22 RESUME                   1
             24 POP_TOP
             26 JUMP_BACKWARD           10 (to 8)
        >>   28 LOAD_CONST               1 (None)
             30 RETURN_VALUE
""")
    }
}
