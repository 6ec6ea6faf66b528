import XCTest
import HeapEngine
@testable import HeapScript

/// What abstract.c raises when no number slot takes a binary operator (sq_concat and
/// sq_repeat fallbacks, binop_type_error), and the refusal where a builtin type's slot is not
/// modelled. Every message was printed by CPython 3.6.15, 3.8.18, 3.11.7, 3.12.1 and 3.13.0.
final class OperatorFallbackTests: XCTestCase {
    private let sameEverywhere: [(String, String)] = [
        ("[1] + (2,)", "TypeError: can only concatenate list (not \"tuple\") to list"),
        ("(1,) + [2]", "TypeError: can only concatenate tuple (not \"list\") to tuple"),
        ("[1] + None", "TypeError: can only concatenate list (not \"NoneType\") to list"),
        ("b'a' + 'a'", "TypeError: can't concat str to bytes"),
        ("b'a' + 1", "TypeError: can't concat int to bytes"),
        ("[1] * 2.0", "TypeError: can't multiply sequence by non-int of type 'float'"),
        ("2.0 * [1]", "TypeError: can't multiply sequence by non-int of type 'float'"),
        ("'a' * 'b'", "TypeError: can't multiply sequence by non-int of type 'str'"),
        ("2 ** 'a'", "TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'str'"),
        ("None + 1", "TypeError: unsupported operand type(s) for +: 'NoneType' and 'int'"),
        ("'a' - 1", "TypeError: unsupported operand type(s) for -: 'str' and 'int'"),
        ("{1} & [1]", "TypeError: unsupported operand type(s) for &: 'set' and 'list'"),
    ]

    func testFallbackMessagesOfEveryRelease() {
        for profile in [Profile.cpython36, .cpython38, .cpython311, .cpython312, .cpython313] {
            for (source, raised) in sameEverywhere {
                let r = Session(profile: profile).runInteractive(source + "\n")
                XCTAssertEqual(r.exception, raised, "\(source) on \(profile.version)")
            }
        }
    }

    func testMessagesThatChanged() {
        // bpo-29116 (3.7): str concatenation names both types.
        XCTAssertEqual(Session(profile: .cpython36).runInteractive("'a' + 1\n").exception, "TypeError: must be str, not int")
        XCTAssertEqual(Session(profile: .cpython38).runInteractive("'a' + 1\n").exception,
                       "TypeError: can only concatenate str (not \"int\") to str")
        // `x **= 2` names "**=" from 3.11; 3.8.18 and 3.6.15 say "** or pow()".
        for (profile, symbol) in [(Profile.cpython38, "** or pow()"), (.cpython36, "** or pow()"), (.cpython311, "**="), (.cpython313, "**=")] {
            let s = Session(profile: profile)
            _ = s.runInteractive("x = None\n")
            XCTAssertEqual(s.runInteractive("x **= 2\n").exception,
                           "TypeError: unsupported operand type(s) for \(symbol): 'NoneType' and 'int'", profile.version)
        }
    }

    func testAugmentedFallbacks() {
        let s = makeSession()
        expect(s, "t = (1,)", "")
        expect(s, "t += [2]", "", raises: "TypeError: can only concatenate tuple (not \"list\") to tuple")
        expect(s, "n = 1", "")
        expect(s, "n += 'a'", "", raises: "TypeError: unsupported operand type(s) for +=: 'int' and 'str'")
        expect(s, "l = [1]", "")
        expect(s, "l *= 2.0", "", raises: "TypeError: can't multiply sequence by non-int of type 'float'")
        expect(s, "w = {1}", "")
        expect(s, "w &= [1]", "", raises: "TypeError: unsupported operand type(s) for &=: 'set' and 'list'")
    }

    func testUnmodelledSlotsOfBuiltinTypesAreRefused() {
        // CPython takes these (dict_keys.__and__, dict.__or__ from 3.9, bytes.__mod__); the
        // engine does not model them, so it must not say TypeError.
        for (source, slot) in [("{'a': 1}.keys() & {'a'}", "dict_keys.__and__"), ("{1} & {'a': 1}.keys()", "dict_keys.__rand__"),
                               ("{'a': 1} | {'b': 2}", "dict.__or__"), ("b'%d' % 3", "bytes.__mod__")] {
            let r = makeSession().runInteractive(source + "\n")
            XCTAssertEqual(r.unsupported?.fullMessage, "heapbook does not model `\(slot)` (CPython 3.11 has it)", source)
        }
    }
}
