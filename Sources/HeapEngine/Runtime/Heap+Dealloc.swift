/// Deallocation: what each type's tp_dealloc does when a refcount reaches zero, in
/// CPython's order (the order decides which `__del__` runs first and which address a
/// later object reuses).
extension Heap {
    /// How deep defaultdicts are freed recursively before the engine defers them (kept well
    /// below what the host stack holds, as 3.13's trashcan levels are).
    static let defaultDictDeallocDepthLimit = 2_000

    /// tp_dealloc, through CPython's trashcan (Include/cpython/object.h Py_TRASHCAN_BEGIN /
    /// Py_TRASHCAN_END, Objects/object.c _PyTrash_begin / _PyTrash_end): a container's
    /// deallocation nested `Profile.trashcanUnwindLevel` deep is not done there but deposited
    /// (`_PyTrash_thread_deposit_object`, untracked first as list_dealloc's
    /// PyObject_GC_UnTrack does) and freed when the outermost one returns
    /// (`_PyTrash_thread_destroy_chain`, most recently deposited first). So freeing a
    /// million nested dicts never recurses more than that many levels on the host stack, and
    /// the order of frees, which decides free lists and reused addresses, is CPython's.
    func dealloc(_ r: ObjectRef) {
        // defdict_dealloc: PyObject_GC_UnTrack and Py_CLEAR(dd->default_factory) come before
        // dict_dealloc's trashcan, so a deposited defaultdict has released its factory.
        if typeOf[Int(r)] == defaultDictTypeRef {
            untrackForDealloc(r); clearDefaultFactory(r)
            // From 3.8 dict_dealloc's trashcan skips a defaultdict (its tp_dealloc is
            // defdict_dealloc, `Profile.trashcanChecksDealloc`): freed at once, recursing,
            // without counting in the nesting. Past `defaultDictDeallocDepthLimit` levels
            // (CPython recurses on; a million crash it) the engine defers it as a dict, to
            // keep its own stack, and the order of frees is no longer known.
            if profile.trashcanChecksDealloc {
                if trash.defaultDictDepth < Heap.defaultDictDeallocDepthLimit {
                    trash.defaultDictDepth += 1
                    deallocBody(r)
                    trash.defaultDictDepth -= 1
                    return
                }
                deallocOrderUnknown = deallocOrderUnknown ?? "defaultdicts nested more than "
                    + "\(Heap.defaultDictDeallocDepthLimit) deep were freed (CPython \(profile.version) frees them recursively, "
                    + "without its trashcan; heapbook defers them), so pymalloc may have given later objects other addresses"
            }
        }
        guard usesTrashcan(r) else { deallocBody(r); return }
        // Before 3.9 (`Profile.subtypeDeallocTrashcanUnmodelled`) each subtype_dealloc under
        // way may count one level more than the engine does (3.6's base deallocator enters
        // the trashcan again), and the one starting checks one level higher: once that could
        // reach the unwind level, CPython's order of deferral is not known, and the statement
        // is refused (`trashcanOrderUnknown`).
        let isSubtype = typeInfo(typeOf[Int(r)]).isHeapType
        if isSubtype { trash.subtypeDepth += 1 }
        defer { if isSubtype { trash.subtypeDepth -= 1 } }
        if profile.subtypeDeallocTrashcanUnmodelled, trash.subtypeDepth > 0,
           trash.deleteNesting + trash.subtypeDepth + 1 >= profile.trashcanUnwindLevel {
            trashcanOrderUnknown = true
        }
        if trash.deleteNesting >= profile.trashcanUnwindLevel {
            if typeInfo(typeOf[Int(r)]).isGC { untrackForDealloc(r) }
            trash.deleteLater.append(r)
            return
        }
        trash.deleteNesting += 1
        deallocBody(r)
        trash.deleteNesting -= 1
        if !trash.deleteLater.isEmpty && trash.deleteNesting <= 0 { destroyTrashChain() }
    }

    /// _PyTrash_thread_destroy_chain: with the nesting raised by one, so that a deallocation
    /// it starts deposits again instead of re-entering this loop.
    private func destroyTrashChain() {
        trash.deleteNesting += 1
        while let op = trash.deleteLater.popLast() {
            // subtype_dealloc tracks the object again around its finalizer (it may resurrect).
            let info = typeInfo(typeOf[Int(op)])
            if info.isHeapType, info.isGC, hasFinalizer(info) { gc.track(op) }
            dealloc(op)
        }
        trash.deleteNesting -= 1
    }

    /// The deallocators that use the trashcan: list_dealloc, tupledealloc, dict_dealloc,
    /// set_dealloc and subtype_dealloc (heap types with GC).
    private func usesTrashcan(_ r: ObjectRef) -> Bool {
        switch payload[Int(r)] {
        case .list, .dict, .set: return true
        case .tuple: return typeInfo(typeOf[Int(r)]).kind != .slice
        case .instance: return typeInfo(typeOf[Int(r)]).isGC
        default: return false
        }
    }

    private func deallocBody(_ r: ObjectRef) {
        let i = Int(r)
        if ObjectFlags(rawValue: flags[i]).contains(.isStatic) {
            // Static objects are never freed; a count reaching zero is a refcount bug (the
            // measured start-up counts keep at least the runtime's own reference).
            assert(false, "refcount of a static object fell to zero")
            refcnt[i] = profile.immortalRefcount ?? StartupRefcounts.staticObject
            return
        }
        let type = typeOf[i]
        // Fast path: an int (long_dealloc) is simply freed.
        if type == builtinTypeByKind[Int(TypeKind.int.rawValue)] {
            payload[i] = .empty
            freeBlock(r)
            releaseRow(r)
            return
        }
        let info = typeInfo(type)
        if info.isHeapType, !deallocHeapInstance(r, info: info) { return }
        if info.isGC { untrackForDealloc(r) }
        let p = payload[i]
        payload[i] = .empty
        switch p {
        case .float:
            // float_dealloc: onto the free list while it has room.
            if info.kind == .float, !info.isHeapType, freeLists.floats.count < profile.floatFreeListMax {
                freeLists.floats.append(address[i]); releaseRow(r); return
            }
        case .str(let v):
            if v.isInterned { interned[v.value] = nil }
        case .tuple(let items) where info.kind == .slice:
            // slice_dealloc: step, start, stop, then the one-slice cache (interp->slice_cache).
            decref(items[2]); decref(items[0]); decref(items[1])
            if freeLists.slices.isEmpty { freeLists.slices.append(address[i]); releaseRow(r); return }
        case .tuple(let items):
            // tupledealloc: items last to first, then the per-length free list.
            var k = items.count
            while k > 0 { k -= 1; decref(items[k]) }
            if !info.isHeapType, items.count <= profile.tupleFreeListMaxLength {
                let count = freeLists.tuples[items.count]?.count ?? 0
                if count < profile.tupleFreeListMaxSize {
                    freeLists.tuples[items.count, default: []].append(address[i]); releaseRow(r); return
                }
            }
        case .list(let storage):
            // list_dealloc: items last to first, free the item array, then the free list.
            var k = storage.items.count
            while k > 0 { k -= 1; decref(storage.items[k]) }
            freeAux(r)
            if !info.isHeapType, freeLists.lists.count < profile.listFreeListMax {
                freeLists.lists.append(address[i]); releaseRow(r); return
            }
        case .dict(let storageObject): let storage = storageObject.storage
            // odict_dealloc: _odict_clear_nodes before PyDict_Type.tp_dealloc.
            if type == orderedDictTypeRef { deallocOrderedDictNodes(r) }
            // dict_dealloc -> free_keys_object: entries in order, key then value.
            deallocDictStorage(r, storage)
            // Only an exact dict goes to the free list (Py_TYPE(mp) == &PyDict_Type).
            if !info.isHeapType, type != defaultDictTypeRef, type != orderedDictTypeRef, freeLists.dicts.count < profile.dictFreeListMax {
                freeLists.dicts.append(address[i]); releaseRow(r); return
            }
        case .set(let storageObject): let storage = storageObject.storage
            // set_dealloc: PyObject_ClearWeakRefs, then the keys in table order.
            clearSlotWeakrefs(r)
            for key in storage.elements { decref(key) }
            freeAux(r)
        case .instance(let state):
            clearWeakrefs(state.weakrefs)
            // clear_slots for each class up the chain, most derived first, members in order.
            if !state.slots.isEmpty { payload[i] = .instance(state); clearSlots(r); payload[i] = .empty }
            if let attrs = state.attributes { for (k, v) in attrs.items { decref(k); decref(v) } }
            if let d = state.dict { setEmbeddedValues(d, false) }   // 3.13 _PyDict_DetachFromObject
            xdecref(state.dict)
        case .function(let f):
            clearWeakrefs(f.weakrefs)
            decref(f.codeRef); decref(f.globals); xdecref(f.defaults); xdecref(f.kwdefaults); xdecref(f.module)
            xdecref(f.doc); xdecref(f.dict); xdecref(f.closure); xdecref(f.annotations)
            xdecref(f.qualnameRef)
        case .method(let fn, let selfRef):
            clearSlotWeakrefs(r)   // method_dealloc: PyObject_ClearWeakRefs first
            decref(fn); decref(selfRef)
            if freeLists.methods.count < profile.methodFreeListMax {
                freeLists.methods.append(address[i]); releaseRow(r); return
            }
        case .builtin(let b):
            clearSlotWeakrefs(r)   // meth_dealloc: PyObject_ClearWeakRefs first
            xdecref(b.selfRef)
            if freeLists.cfunctions.count < profile.cfunctionFreeListMax {
                freeLists.cfunctions.append(address[i]); releaseRow(r); return
            }
        case .module(let m):
            decref(m.dict)
        case .iterator(let it):
            xdecref(it.seq); xdecref(it.result)
        case .cell(let content):
            xdecref(content)
        case .weakref(let w):
            // A KeyedRef: subtype_dealloc's clear_slots first, then weakref_dealloc.
            xdecref(w.key)
            unlinkWeakref(r, from: w.referent)
            xdecref(w.callback)
        case .type(let t):
            // The row may next hold another type: cached look-ups of this one are stale.
            t.attributeWatch?.modified()
            // type_dealloc_common's remove_all_subclasses, then PyObject_ClearWeakRefs.
            if let base = t.base { removeSubclass(base: base, type: r, dying: t) }
            clearWeakrefs(t.weakrefs)
            xdecref(t.dict); xdecref(t.basesTuple); xdecref(t.mroTuple); xdecref(t.subclassesDict)
            xdecref(t.nameRef); xdecref(t.qualnameRef); xdecref(t.slotsTuple); xdecref(t.base)
        case .native(let object):
            // A native type with a weaklist slot (array_dealloc: PyObject_ClearWeakRefs
            // first), then its references, then its separately allocated block if it has
            // one (array_dealloc's PyMem_Free(ob_item)).
            if let w = object as? NativeWeakReferent, !w.weakrefs.isEmpty {
                let list = w.weakrefs
                w.weakrefs = []
                clearWeakrefs(list)
            }
            (object as? NativeReferents)?.releaseReferences(in: self)
            freeAux(r)
        case .empty, .int, .bigInt, .bytes, .range:
            break
        }
        freeBlock(r)
        if info.isGC { gcCountFree() }
        if info.isHeapType { decref(type) }
        releaseRow(r)
    }

    /// subtype_dealloc's first half: run `__del__` once (PEP 442) and detect resurrection.
    /// Returns false when the object was resurrected and must not be freed.
    private func deallocHeapInstance(_ r: ObjectRef, info: TypeInfo) -> Bool {
        let i = Int(r)
        guard let finalizer, hasFinalizer(info), !ObjectFlags(rawValue: flags[i]).contains(.finalized) else {
            return true
        }
        // PyObject_CallFinalizerFromDealloc: temporarily resurrect while __del__ runs.
        refcnt[i] = 1
        if info.isGC { flags[i] |= ObjectFlags.finalized.rawValue }
        finalizer(r)
        refcnt[i] -= 1
        touched[i] = gc.opportunities   // if resurrected, it is reachable now
        return refcnt[i] == 0
    }

    /// clear_slots (Objects/typeobject.c), for every class of the instance at once: each
    /// set slot is emptied, then its value released, one after the other, so a `__del__`
    /// run by one release sees the later slots still set.
    func clearSlots(_ r: ObjectRef) {
        guard case .instance(let st) = payload[Int(r)] else { return }
        for k in 0..<st.slots.count {
            guard case .instance(let cur) = payload[Int(r)], k < cur.slots.count, let v = cur.slots[k] else { continue }
            cur.slots[k] = nil
            decref(v)
        }
    }

    /// Whether instances of a heap type define `__del__` (tp_finalize is set).
    /// (tp_finalize is inherited: a subclass of a class with `__del__` has one too.)
    public func hasFinalizer(_ info: TypeInfo) -> Bool {
        info.mro.contains { typeInfo($0).hasDel }
    }

    /// Untracks a dying GC object. Its count in generation 0 drops only when its memory is
    /// really freed (PyObject_GC_Del), not when it goes onto a free list.
    func untrackForDealloc(_ r: ObjectRef) {
        gc.untrack(r)
    }

    func releaseRow(_ r: ObjectRef) {
        if identities.isTracking { noteIdentityFreed(r) }
        if !lifeWatches.isEmpty, let w = lifeWatches.removeValue(forKey: r) { w.isAlive = false }
        liveCount -= 1
        freeRows.append(r)
    }

    func freeAux(_ r: ObjectRef) {
        let i = Int(r)
        noteAuxReleased(r)
        if auxAddress[i] != 0 { allocator.free(auxAddress[i]) }
        auxAddress[i] = 0; auxSize[i] = 0
    }
}

/// The thread state's trashcan fields (`trash_delete_nesting`, `trash_delete_later`).
struct TrashcanState {
    var deleteNesting = 0
    /// defaultdicts being freed outside the trashcan (3.8+), one inside another.
    var defaultDictDepth = 0
    /// How many of the deallocations under way are subtype_dealloc's (heap-type instances).
    var subtypeDepth = 0
    /// Deposited objects, refcount 0 and untracked; the last one is freed first.
    var deleteLater: [ObjectRef] = []
}

/// Native (interpreter-owned) payloads that hold references to heap objects, e.g. code
/// objects holding their constants.
public protocol NativeReferents: AnyObject {
    func releaseReferences(in heap: Heap)
    func forEachReferent(_ body: (ObjectRef) -> Void)
}
