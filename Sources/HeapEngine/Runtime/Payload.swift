import BigInt

/// The type-specific part of a simulated object (what follows `ob_refcnt`/`ob_type` in C).
///
/// Kept to 16 bytes of inline data so the `payload` column stays compact (a 24-byte
/// stride): the large states (str values, big ints) are `indirect`, i.e. boxed; lists
/// stay inline because appending to them is the hot path. An instance's state and a dict's
/// or set's table are held by classes (`InstanceState`, `DictObject`, `SetObject`), so that
/// reading them retains one reference instead of copying their collections, and a store
/// mutates them in place.
public enum Payload {
    case empty
    case int(Int)
    indirect case bigInt(BigInt)
    case float(Double)
    indirect case str(StrValue)
    case bytes([UInt8])
    case tuple([ObjectRef])
    case list(ListStorage)
    case dict(DictObject)
    case set(SetObject)
    case type(TypeInfo)
    case instance(InstanceState)
    case function(FunctionInfo)
    case builtin(BuiltinInfo)
    /// A bound method: (function, self).
    case method(ObjectRef, ObjectRef)
    case module(ModuleInfo)
    indirect case range(RangeValue)
    /// list/tuple/range/dict/set/str iterators (Objects/IterObject.swift).
    case iterator(IteratorState)
    indirect case weakref(WeakrefState)
    case cell(ObjectRef?)
    /// Opaque interpreter-side state (code objects, frames, generators): HeapScript owns it.
    case native(AnyObject)
}

/// A str's value and the PEP 393 facts its size depends on.
public struct StrValue {
    public var value: String
    /// Length in code points (len()).
    public var count: Int
    /// 1, 2 or 4 bytes per code point; `isASCII` distinguishes the compact ASCII layout.
    public var kind: UInt8
    public var isASCII: Bool
    public var isInterned: Bool
    /// The str's hash, computed once as CPython caches it in `PyASCIIObject.hash`: SipHash of
    /// the PEP 393 buffer under the session's secret (PyHash.swift). Under hash
    /// randomization the secret is a stand-in and HeapScript refuses to show the value.
    public var hash: Int
    public init(_ value: String, interned: Bool = false, hashedWith secret: HashSecret = .randomized,
                _ algorithm: PyHashAlgorithm = .siphash13) {
        self.value = value
        var n = 0
        var maxScalar: UInt32 = 0
        for s in value.unicodeScalars { n += 1; if s.value > maxScalar { maxScalar = s.value } }
        count = n
        isASCII = maxScalar < 0x80
        kind = maxScalar < 0x100 ? 1 : (maxScalar < 0x10000 ? 2 : 4)
        isInterned = interned
        hash = secret.hashStr(value, kind: kind, algorithm)
    }
}

public struct RangeValue: Equatable {
    public var start: Int, stop: Int, step: Int
    public init(start: Int, stop: Int, step: Int) { self.start = start; self.stop = stop; self.step = step }
    public var count: Int {
        if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0
    }
    public subscript(i: Int) -> Int { start + i * step }
}

/// An instance of a user class: 3.11 keeps attributes inline ("managed dict" with values);
/// once `__dict__` is asked for, they move to a real dict object.
///
/// A reference type, like the C object it stands for: the payload column holds the one
/// reference that owns it, and every `case .instance(let st)` binds that same state, so a
/// store through `st` is the object's store (no copy-out, no re-boxing). Invariant: no two
/// rows share a state; whatever duplicates an instance (copy.copy goes through
/// `__reduce_ex__`, not through the payload) must make a new `InstanceState`.
public final class InstanceState {
    /// Inline attribute values, in insertion order.
    public var attributes: DictStorage?
    /// The materialised `__dict__` (a dict object), once created.
    public var dict: ObjectRef?
    /// The `__weakref__` slot: the weak references to this object, oldest first.
    public var weakrefs: [ObjectRef]
    /// The `__slots__` members' values (nil: never set or deleted), in the order
    /// subtype_dealloc's clear_slots loop and subtype_traverse visit them: the instance's
    /// own class's members first (sorted), then its base's, and so on up. A class C's
    /// members start at `slotCount(type) - slotCount(C)`.
    public var slots: [ObjectRef?]
    public init(slotCount: Int = 0) {
        attributes = nil; dict = nil; weakrefs = []
        slots = Array(repeating: nil, count: slotCount)
    }
}

public struct WeakrefState {
    /// nil once the referent died.
    public var referent: ObjectRef?
    public var callback: ObjectRef?
    /// weakref_hash's cache (`self->hash`): the referent's hash, kept from the first hash()
    /// on, so that a set holding the reference finds it after the referent died (WeakSet's
    /// `_remove` callback discards it from `data`).
    public var hash: Int? = nil
    /// Lib/weakref.py's KeyedRef (a `ref` subclass with `__slots__ = "key",`): its slot,
    /// which subtype_traverse visits (before the class and the callback), subtype_clear and
    /// subtype_dealloc's clear_slots release. nil for a plain ref or proxy.
    public var key: ObjectRef? = nil
}

public final class ModuleInfo {
    public var name: String
    /// The module's `__dict__` (a dict object).
    public var dict: ObjectRef
    public init(name: String, dict: ObjectRef) { self.name = name; self.dict = dict }
}

/// A builtin function or method descriptor; `selfRef` is set for bound builtin methods
/// (`[].append`), as `PyCFunctionObject.m_self`.
public struct BuiltinInfo {
    public var id: Int32
    public var selfRef: ObjectRef?
    public init(id: Int32, selfRef: ObjectRef?) { self.id = id; self.selfRef = selfRef }
}

/// A Python function: its code (interpreter-owned), globals, defaults and name.
public final class FunctionInfo {
    public var name: String
    public var qualname: String
    /// The interpreter's compiled body (HeapScript's code object), opaque here.
    public var code: AnyObject
    /// The code object as a heap object (holds the constants).
    public var codeRef: ObjectRef
    public var globals: ObjectRef
    public var defaults: ObjectRef?
    /// func_kwdefaults: the keyword-only parameters' defaults (MAKE_FUNCTION 0x02).
    public var kwdefaults: ObjectRef?
    public var module: ObjectRef?
    public var dict: ObjectRef?
    /// func_closure: the tuple of cells for the code's free variables (MAKE_FUNCTION 0x08).
    public var closure: ObjectRef?
    /// func_doc: co_consts[0] when it is a str (the docstring), else nil (None).
    public var doc: ObjectRef?
    /// func_annotations: made empty by the first read of `__annotations__` (the engine's
    /// functions have no annotations); released after func_closure.
    public var annotations: ObjectRef?
    /// func_qualname as the object CPython holds (owned): 3.11+ the code's co_qualname,
    /// 3.6-3.10 the str MAKE_FUNCTION popped (a constant of the enclosing code). nil where
    /// the engine holds no such object (`qualname` is the name then, or a str is made on
    /// each read). Released last (func_dealloc: after func_code and func_name).
    public var qualnameRef: ObjectRef?
    public var weakrefs: [ObjectRef] = []
    public init(name: String, qualname: String, code: AnyObject, codeRef: ObjectRef,
                globals: ObjectRef, defaults: ObjectRef?, module: ObjectRef?) {
        self.name = name; self.qualname = qualname; self.code = code; self.codeRef = codeRef
        self.globals = globals; self.defaults = defaults; self.module = module
    }
}
