import XCTest
import HeapEngine
@testable import HeapScript

/// Closures with cells in the VM (CodeGen+Functions.swift, CEval+Cells.swift,
/// Runtime/CellObject.swift): the error texts (the corpus compares stdout only) and the
/// closures the engine still refuses. Expected texts are what `python3.X -q -i` printed for the
/// same statements: CPython 3.11.7 unless the test says 3.8.18 (3.6.15 printed 3.8's texts,
/// 3.12.1 and 3.13.0 printed 3.11's).
final class ClosureTests: XCTestCase {
    private let unboundFree = "def e():\n    def g():\n        return z\n    return g\n    z = 1\n"
    private let unboundCell = "def h():\n    def g():\n        return y\n    return y\n    y = 1\n"

    func testUnboundCellAndFreeVariables311() {
        let s = makeSession()
        expect(s, unboundFree, "")
        expect(s, "e()()", "", raises: "NameError: cannot access free variable 'z' where it is not associated with a value in enclosing scope")
        expect(s, "e().__closure__[0].cell_contents", "", raises: "ValueError: Cell is empty")
        expect(s, unboundCell, "")
        expect(s, "h()", "", raises: "UnboundLocalError: cannot access local variable 'y' where it is not associated with a value")
        expect(s, "def d():\n    w = 1\n    def g():\n        return w\n    del w\n    del w\n", "")
        expect(s, "d()", "", raises: "UnboundLocalError: cannot access local variable 'w' where it is not associated with a value")
    }

    func testUnboundCellAndFreeVariables38() {
        let s = Session(profile: .cpython38)
        expect(s, unboundFree, "")
        expect(s, "e()()", "", raises: "NameError: free variable 'z' referenced before assignment in enclosing scope")
        expect(s, unboundCell, "")
        expect(s, "h()", "", raises: "UnboundLocalError: local variable 'y' referenced before assignment")
    }

    func testCellRepr() {
        let s = makeSession()
        expect(s, unboundFree, "")
        let r = s.runInteractive("e().__closure__[0]\n")
        XCTAssertTrue(r.stdout.hasPrefix("<cell at 0x") && r.stdout.hasSuffix(": empty>\n"), r.stdout)
        expect(s, "def f():\n    x = [1]\n    return lambda: x\n", "")
        let full = s.runInteractive("f().__closure__[0]\n")
        XCTAssertTrue(full.stdout.hasPrefix("<cell at 0x") && full.stdout.contains(": list object at 0x"), full.stdout)
    }

    /// A class body or method using an enclosing function's variable (LOAD_CLASSDEREF, a
    /// class's free variables) and a comprehension using a cell are not modelled: refused.
    func testRefusedClosures() {
        for source in ["def f():\n    x = 1\n    class C:\n        y = x\n    return C\n",
                       "def f():\n    x = 1\n    class C:\n        def m(self):\n            return x\n    return C\n",
                       "def f():\n    x = 1\n    def g():\n        return x\n    return [x for _ in (1,)]\n",
                       "def f():\n    x = 1\n    def g():\n        return [x for _ in (1,)]\n    return g\n"] {
            let r = makeSession().runInteractive(source)
            XCTAssertEqual(r.unsupported?.construct, "closures over an enclosing function's variables", source)
        }
        // No binding for the nonlocal (CPython's SyntaxError, not modelled): refused.
        XCTAssertEqual(makeSession().runInteractive("def f():\n    nonlocal q\n").unsupported?.construct,
                       "'nonlocal q' without a binding in an enclosing function")
    }
}

/// Parameters and docstrings (CodeGen.emitFunction, Interpreter.bindArguments).
final class FunctionFeatureTests: XCTestCase {
    /// CPython 3.6.15 to 3.13.0 print the same texts.
    func testBindingErrorsWithVarArgs() {
        let s = makeSession()
        expect(s, "def h(a, *rest, **opts):\n    return a\n", "")
        expect(s, "h()", "", raises: "TypeError: h() missing 1 required positional argument: 'a'")
        expect(s, "h(1, a=2)", "", raises: "TypeError: h() got multiple values for argument 'a'")
        expect(s, "def k(**kw):\n    return kw\n", "")
        expect(s, "k(1)", "", raises: "TypeError: k() takes 0 positional arguments but 1 was given")
        expect(s, "def p(a, *r):\n    return a\n", "")
        expect(s, "p(1, b=2)", "", raises: "TypeError: p() got an unexpected keyword argument 'b'")
    }

    /// 3.13.0 strips a docstring's indentation (`'two\nlines'` where 3.12.1 keeps
    /// `'two\n    lines'`): refused there, kept on 3.12.
    func testMultiLineDocstrings() {
        let source = "def f():\n    \"\"\"two\n    lines\"\"\"\n"
        XCTAssertEqual(Session(profile: .cpython313).runInteractive(source).unsupported?.construct, "multi-line docstrings")
        let s = Session(profile: .cpython312)
        expect(s, source, "")
        expect(s, "f.__doc__", "'two\\n    lines'\n")
    }
}
