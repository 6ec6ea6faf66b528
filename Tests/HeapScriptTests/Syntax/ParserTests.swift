import XCTest
import BigInt
@testable import HeapScript

/// Expected messages, lines and offsets come from CPython 3.11.7:
/// `compile(src, '<stdin>', 'exec')` in a try/except printing type, msg, lineno, offset.
final class ParserTests: XCTestCase {
    func parse(_ s: String) -> [Stmt] {
        do { return try Parser.parseModule(s) } catch {
            XCTFail("unexpected failure for \(s.debugDescription): \(error)")
            return []
        }
    }

    func expr(_ s: String) -> ExprKind? {
        guard case .expr(let e)? = parse(s).first?.kind else { return nil }
        return e.kind
    }

    func failure(_ s: String) -> String {
        do {
            _ = try Parser.parseModule(s)
            return "OK"
        } catch {
            switch error {
            case .syntax(let e): return "\(e.kind.rawValue): \(e.message) @\(e.line):\(e.offset)"
            case .unsupported(let u): return "unsupported \(u.construct)"
            }
        }
    }

    // MARK: - Trees

    func testLiterals() {
        XCTAssertEqual(expr("0x_FF"), .int(255))
        XCTAssertEqual(expr("0o17"), .int(15))
        XCTAssertEqual(expr("0b1010"), .int(10))
        XCTAssertEqual(expr("1_000_000"), .int(1_000_000))
        XCTAssertEqual(expr("123456789012345678901234567890"), .bigInt(BigInt("123456789012345678901234567890", radix: 10)!))
        XCTAssertEqual(expr("1e3"), .float(1000))
        XCTAssertEqual(expr("1."), .float(1))
        XCTAssertEqual(expr(".5"), .float(0.5))
        XCTAssertEqual(expr("'a' \"b\" '''c'''"), .string("abc"))
        XCTAssertEqual(expr("'\\n\\t\\\\\\'\\x41\\101\\u00e9\\U0001F600'"), .string("\n\t\\'AAé😀"))
        XCTAssertEqual(expr("r'\\n'"), .string("\\n"))
        XCTAssertEqual(expr("b'\\x00a' rb'\\n'"), .bytes([0, 97, 92, 110]))
        XCTAssertEqual(expr("None"), ExprKind.none)
        XCTAssertEqual(expr("..."), .ellipsis)
    }

    func testFStrings() {
        guard case .fstring(let parts)? = expr("f'a{x!r}{{b}}' 'c'") else { return XCTFail() }
        XCTAssertEqual(parts.count, 3)
        XCTAssertEqual(parts[0], .literal("a"))
        if case .field(let e, let conv, _) = parts[1] {
            XCTAssertEqual(e.kind, .name("x"))
            XCTAssertEqual(e.span, SourceSpan(line: 1, column: 4, endLine: 1, endColumn: 5))   // ast of 3.11.7
            XCTAssertEqual(conv, "r")
        } else { XCTFail() }
        XCTAssertEqual(parts[2], .literal("{b}c"))
    }

    func testPrecedence() {
        // -2**2 == -(2**2); positions as CPython 3.11.7's ast gives them (UnaryOp 0-5,
        // BinOp 1-5, the constants 1-2 and 4-5).
        func span(_ c: Int, _ e: Int) -> SourceSpan { SourceSpan(line: 1, column: c, endLine: 1, endColumn: e) }
        XCTAssertEqual(expr("-2**2"), .unary(.negate, Expr(.binary(.pow, Expr(.int(2), span(1, 2)), Expr(.int(2), span(4, 5))), span(1, 5))))
        // ** is right-associative
        guard case .binary(.pow, _, let rhs)? = expr("a**b**c") else { return XCTFail() }
        if case .binary(.pow, _, _) = rhs.kind {} else { XCTFail("** must be right-associative") }
        guard case .binary(.add, _, let mul)? = expr("a + b * c") else { return XCTFail() }
        if case .binary(.mul, _, _) = mul.kind {} else { XCTFail() }
        guard case .compare(_, let ops)? = expr("a < b is not c not in d") else { return XCTFail() }
        XCTAssertEqual(ops.map { $0.op }, [.lt, .isNot, .notIn])
        guard case .boolOp(.or, let vs)? = expr("a and b or not c") else { return XCTFail() }
        XCTAssertEqual(vs.count, 2)
        guard case .ifExp? = expr("a if b else c") else { return XCTFail() }
        XCTAssertEqual(parse("x")[0].span, span(0, 1))
    }

    func testDisplaysAndComprehensions() {
        guard case .listComp(_, let gens)? = expr("[i for i in a if i for j in b]") else { return XCTFail() }
        XCTAssertEqual(gens.count, 2)
        XCTAssertEqual(gens[0].ifs.count, 1)
        guard case .call(_, let args, let kws)? = expr("f(*a, b)") else { return XCTFail() }
        XCTAssertEqual(args.count, 2)
        XCTAssertEqual(kws.count, 0)
        guard case .call(_, let gargs, _)? = expr("sum(x for x in y)") else { return XCTFail() }
        if case .generatorExp = gargs[0].kind {} else { XCTFail() }
        XCTAssertEqual(gargs[0].span, SourceSpan(line: 1, column: 3, endLine: 1, endColumn: 17))   // 3.11.7: GeneratorExp 3-17
        guard case .dict(let items)? = expr("{1: 2, **d}") else { return XCTFail() }
        XCTAssertNil(items[1].key)
        guard case .set? = expr("{1, *a}") else { return XCTFail() }
        guard case .dictComp? = expr("{k: v for k, v in d}") else { return XCTFail() }
        guard case .tuple(let t)? = expr("1,") else { return XCTFail() }
        XCTAssertEqual(t.count, 1)
        guard case .subscript(_, let idx)? = expr("a[1:2, ::3]") else { return XCTFail() }
        guard case .tuple(let sl) = idx.kind, case .slice(_, _, let step) = sl[1].kind else { return XCTFail() }
        XCTAssertEqual(step?.kind, .int(3))
        guard case .call(_, _, let kw)? = expr("f(a, b=1, **k)") else { return XCTFail() }
        XCTAssertEqual(kw.map(\.name), ["b", nil])
    }

    func testStatements() {
        guard case .assign(let targets, _)? = parse("a = b = 1").first?.kind else { return XCTFail() }
        XCTAssertEqual(targets.count, 2)
        guard case .assign(let swap, let value)? = parse("a, b = b, a").first?.kind else { return XCTFail() }
        if case .tuple = swap[0].kind, case .tuple = value.kind {} else { XCTFail() }
        guard case .augAssign(_, .floorDiv, _)? = parse("x //= 2").first?.kind else { return XCTFail() }
        guard case .delete(let dels)? = parse("del a, b[0], c.d").first?.kind else { return XCTFail() }
        XCTAssertEqual(dels.count, 3)
        guard case .import(let names)? = parse("import a.b as c, d").first?.kind else { return XCTFail() }
        XCTAssertEqual(names, [ImportAlias(name: "a.b", asName: "c"), ImportAlias(name: "d", asName: nil)])
        guard case .importFrom("m", let fnames)? = parse("from m import (x as y,\n z,)").first?.kind else { return XCTFail() }
        XCTAssertEqual(fnames.count, 2)
        guard case .raise(_, let cause)? = parse("raise X from Y").first?.kind else { return XCTFail() }
        XCTAssertNotNil(cause)
        guard case .functionDef("f", let params, _, let decos, _)? = parse("@d\ndef f(a, b=1, *c, d, e=2, **g):\n    return a\n").first?.kind else { return XCTFail() }
        XCTAssertEqual(params.map(\.kind), [.positional, .positional, .varArgs, .keywordOnly, .keywordOnly, .varKeywords])
        XCTAssertEqual(decos.count, 1)
        guard case .functionDef("g", let posonly, _, _, _)? = parse("def g(a, b=1, /, c=2, *, d):\n    pass\n").first?.kind else { return XCTFail() }
        XCTAssertEqual(posonly.map(\.kind), [.positionalOnly, .positionalOnly, .positional, .keywordOnly])
        XCTAssertEqual(parse("@d\ndef f(): pass\n")[0].span, SourceSpan(line: 2, column: 0, endLine: 2, endColumn: 13))   // 3.11.7
        guard case .classDef("C", let bases, let body, _)? = parse("class C(B):\n  x = 1\n  def m(self): pass\n").first?.kind else { return XCTFail() }
        XCTAssertEqual(bases.count, 1)
        XCTAssertEqual(body.count, 2)
        guard case .if(_, _, let orelse)? = parse("if a:\n pass\nelif b:\n pass\nelse:\n pass\n").first?.kind else { return XCTFail() }
        if case .if(_, _, let inner) = orelse[0].kind { XCTAssertEqual(inner.count, 1) } else { XCTFail() }
        guard case .try(_, let handlers, let tryElse, let fin)? = parse("try:\n pass\nexcept (A, B) as e:\n pass\nexcept:\n pass\nelse:\n pass\nfinally:\n pass\n").first?.kind else { return XCTFail() }
        XCTAssertEqual(handlers.count, 2)
        XCTAssertEqual(handlers[0].name, "e")
        XCTAssertEqual(tryElse.count, 1)
        XCTAssertEqual(fin.count, 1)
        XCTAssertEqual(parse("x = 1; y = 2\nif x:\n\n  pass\n").count, 3)
        guard case .for(_, _, _, let forElse)? = parse("for i, (a, *b) in x:\n  continue\nelse:\n  pass\n").first?.kind else { return XCTFail() }
        XCTAssertEqual(forElse.count, 1)
        guard case .with(let items, _)? = parse("with a as b, c:\n  pass\n").first?.kind else { return XCTFail() }
        XCTAssertEqual(items.count, 2)
        guard case .global(["a", "b"])? = parse("global a, b").first?.kind else { return XCTFail() }
        guard case .lambda? = expr("lambda x, *y: x") else { return XCTFail() }
    }

    func testInteractiveMode() throws {
        XCTAssertEqual(try Parser.parseInteractive("if x:\n  pass\nelse:\n  pass\n\n").count, 1)
        XCTAssertEqual(try Parser.parseInteractive("x = 1; y = 2\n").count, 2)
        XCTAssertEqual(try Parser.parseInteractive("\n").count, 0)
        XCTAssertThrowsError(try Parser.parseInteractive("x = 1\n  y = 2\n"))
    }

    // MARK: - Errors (CPython 3.11.7, exec mode)

    func testSyntaxErrors() {
        let table: [(String, String)] = [
            ("f() = 1", "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='? @1:1"),
            ("1 = x", "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='? @1:1"),
            ("x + 1 = 2", "SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='? @1:1"),
            ("(a, 1) = 2", "SyntaxError: cannot assign to literal @1:5"),
            ("f() = g() = 1", "SyntaxError: cannot assign to function call @1:1"),
            ("a < b = 1", "SyntaxError: cannot assign to comparison @1:1"),
            ("True = 1", "SyntaxError: cannot assign to True @1:1"),
            ("del f()", "SyntaxError: cannot delete function call @1:5"),
            ("del x + 1", "SyntaxError: cannot delete expression @1:5"),
            ("f() += 1", "SyntaxError: 'function call' is an illegal expression for augmented assignment @1:1"),
            ("for f() in x: pass", "SyntaxError: cannot assign to function call @1:5"),
            ("a = (", "SyntaxError: '(' was never closed @1:5"),
            ("a = )", "SyntaxError: unmatched ')' @1:5"),
            ("a = (1]", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' @1:7"),
            ("a = (1,\n2]", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1 @2:2"),
            ("if x\n  pass", "SyntaxError: expected ':' @1:5"),
            ("if x:\npass", "IndentationError: expected an indented block after 'if' statement on line 1 @2:1"),
            ("if x:\n", "IndentationError: expected an indented block after 'if' statement on line 1 @1:6"),
            ("if x:\n  pass\n    y", "IndentationError: unexpected indent @3:4"),
            ("if x:\n    pass\n  y", "IndentationError: unindent does not match any outer indentation level @3:4"),
            ("if x:\n  pass\n\ty", "TabError: inconsistent use of tabs and spaces in indentation @3:1"),
            ("x = 'abc", "SyntaxError: unterminated string literal (detected at line 1) @1:5"),
            ("x = '''abc\n", "SyntaxError: unterminated triple-quoted string literal (detected at line 1) @1:5"),
            ("x = 1abc", "SyntaxError: invalid decimal literal @1:5"),
            ("x = 0x", "SyntaxError: invalid hexadecimal literal @1:6"),
            ("x = 012", "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers @1:5"),
            ("x = 0o8", "SyntaxError: invalid digit '8' in octal literal @1:7"),
            ("x = 1__0", "SyntaxError: invalid decimal literal @1:6"),
            ("x = 1 +", "SyntaxError: invalid syntax @1:8"),
            ("x y", "SyntaxError: invalid syntax @1:3"),
            ("x = $", "SyntaxError: invalid syntax @1:5"),
            ("print 'a'", "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)? @1:1"),
            ("f(**k, *a)", "SyntaxError: iterable argument unpacking follows keyword argument unpacking @1:8"),
            ("f(a=1, b)", "SyntaxError: positional argument follows keyword argument @1:9"),
            ("f(x for x in y, 1)", "SyntaxError: Generator expression must be parenthesized @1:3"),
            ("def f(a=1, b): pass", "SyntaxError: non-default argument follows default argument @1:12"),
            ("def f(*, **k): pass", "SyntaxError: named arguments must follow bare * @1:7"),
            ("def f(a, /, b, /): pass", "SyntaxError: / may appear only once @1:16"),
            ("def f(*, a, /): pass", "SyntaxError: / must be ahead of * @1:13"),
            ("def f(*a, /): pass", "SyntaxError: / must be ahead of * @1:11"),
            ("def f(a=1, / *): pass", "SyntaxError: expected comma between / and * @1:14"),
            ("def f(a=1, /, b): pass", "SyntaxError: non-default argument follows default argument @1:15"),
            ("def f(x, x): pass", "SyntaxError: duplicate argument 'x' in function definition @1:10"),
            ("x = 'a' b'c'", "SyntaxError: cannot mix bytes and nonbytes literals @1:13"),
            ("x = \\ 1", "SyntaxError: unexpected character after line continuation character @1:6"),
            ("x = 1 \\", "SyntaxError: unexpected EOF while parsing @1:8"),
            ("try:\n  pass\nx=1", "SyntaxError: expected 'except' or 'finally' block @3:1"),
            ("else:\n  pass", "SyntaxError: invalid syntax @1:1"),
            ("x = {1: }", "SyntaxError: expression expected after dictionary key and ':' @1:7"),
            ("a, *b, *c = d", "SyntaxError: multiple starred expressions in assignment @1:1"),
            ("*a = b", "SyntaxError: starred assignment target must be in a list or tuple @1:1"),
            ("print(*a for a in b)", "SyntaxError: iterable unpacking cannot be used in comprehension @1:7"),
            ("x = 1 if 2", "SyntaxError: expected 'else' after 'if' expression @1:5"),
            ("if x = 1: pass", "SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='? @1:4"),
            ("f'{'", "SyntaxError: f-string: expecting '}' @1:5"),
            ("f'}'", "SyntaxError: f-string: single '}' is not allowed @1:5"),
            ("f'{}'", "SyntaxError: f-string: empty expression not allowed @1:6"),
            ("b'é'", "SyntaxError: bytes can only contain ASCII literal characters @1:1"),
            ("return 1", "SyntaxError: 'return' outside function @1:1"),
            ("break", "SyntaxError: 'break' outside loop @1:1"),
            ("continue", "SyntaxError: 'continue' not properly in loop @1:1"),
            ("nonlocal x", "SyntaxError: nonlocal declaration not allowed at module level @1:1"),
            ("x = 1\n  y = 2\n", "IndentationError: unexpected indent @2:2"),
            ("try:\n  pass\nexcept A, B:\n  pass\n", "SyntaxError: multiple exception types must be parenthesized @3:8"),
            ("from x import a,\n", "SyntaxError: trailing comma not allowed without surrounding parentheses @1:17"),
            ("type X = int", "SyntaxError: invalid syntax @1:6"),
            ("print(1 2)", "SyntaxError: invalid syntax. Perhaps you forgot a comma? @1:7"),
        ]
        for (src, expected) in table {
            XCTAssertEqual(failure(src), expected, "for \(src.debugDescription)")
        }
    }

    func testUnsupportedConstructs() {
        XCTAssertEqual(failure("f'{x:{w}}'"), "unsupported format specs with fields or escapes in f-strings")
        XCTAssertEqual(failure("async def f(): pass"), "unsupported 'async def'")
        XCTAssertEqual(failure("match x:\n  case 1: pass\n"), "unsupported 'match' statements")
        XCTAssertEqual(failure("from x import *"), "unsupported 'import *'")
        XCTAssertEqual(failure("def f(/): pass"), "unsupported '/' before any parameter")
        // A later syntax error wins over an earlier unsupported construct, as CPython would report it.
        XCTAssertEqual(failure("from x import *\ny = )"), "SyntaxError: unmatched ')' @2:5")
        XCTAssertEqual(failure("match = 1\nmatch.x = 2\n"), "OK")
    }
}
