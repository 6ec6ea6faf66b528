/// Shared objects' start-up counts (see `StartupRefcounts`).
extension Heap {
    /// The shared objects in `StartupRefcounts`' table order.
    func sharedObjectsInTableOrder() -> [ObjectRef] {
        var objects: [ObjectRef] = []
        for v in -5...256 { objects.append(smallInts[v - profile.smallIntMin]) }
        objects += [none, trueRef, falseRef, emptyTuple, emptyStr, emptyBytes, ellipsis, notImplemented]
        objects += latin1Chars
        objects += byteChars
        return objects
    }

    /// Gives every measured shared object CPython's start-up count for `mode` and marks every
    /// other static object `unmodelledCount`. Runs once, before the session's first
    /// statement (the mode is not known earlier); a no-op from 3.12 (immortal objects).
    public func rebaseStartupRefcounts(_ mode: StartupRefcounts.Mode) {
        guard !startupRebased else { return }
        startupRebased = true
        guard profile.immortalRefcount == nil else { return }
        let table = StartupRefcounts.table(version: profile.version, mode: mode)
        startupImports = table?.imports ?? []
        for i in 0..<refcnt.count where ObjectFlags(rawValue: flags[i]).contains(.isStatic) {
            flags[i] |= ObjectFlags.unmodelledCount.rawValue
        }
        guard let table else { return }
        unmodelledShared = [:]
        for (k, r) in sharedObjectsInTableOrder().enumerated() {
            guard table.base[k] >= 0 else { unmodelledShared[r] = table.base[k]; continue }
            let i = Int(r)
            let count = refcnt[i] + table.base[k] - StartupRefcounts.staticObject
            // The runtime's own reference (the small-int array, the latin-1 cache...) is always
            // there, so a count below 1 means the engine holds a reference the measured probe
            // had that CPython's did not: the calibration is off for this object; refuse it
            // (its count stays provisional, so it can never fall to zero).
            guard count >= 1 else { unmodelledShared[r] = StartupRefcounts.untracked; continue }
            refcnt[i] = count
            flags[i] &= ~ObjectFlags.unmodelledCount.rawValue
        }
        // The tables were measured with PYTHONHASHSEED=0; with randomization on, start-up
        // holds some references to 1 that it held to 0.
        if !hashSecret.randomizationDisabled, let zero = cachedSmallInt(0), let one = cachedSmallInt(1),
           unmodelledShared[zero] == nil, unmodelledShared[one] == nil {
            refcnt[Int(zero)] -= profile.hashRandomizationFlagReferences
            refcnt[Int(one)] += profile.hashRandomizationFlagReferences
        }
    }

    /// CPython's first import of `module` leaves references to shared objects that the
    /// engine's import does not take (the module's spec and its attributes): added once.
    public func noteFirstImport(_ module: String) {
        guard let k = startupImports.firstIndex(where: { $0.0 == module }) else { return }
        let objects = sharedObjectsInTableOrder()
        for (index, delta) in startupImports[k].1 { refcnt[Int(objects[index])] += delta }
        startupImports.remove(at: k)
    }

    /// Whether the absolute count of `r` is not CPython's (see `ObjectFlags.unmodelledCount`).
    public func hasUnmodelledCount(_ r: ObjectRef) -> Bool {
        ObjectFlags(rawValue: flags[Int(r)]).contains(.unmodelledCount) || runningLiterals.contains(r)
            || heldByLastSyntaxError(r)
    }

    /// Whether `r` may be one of the numbers or strs of the SyntaxError that is
    /// `sys.last_value` (`lastValueIsSyntaxError`): a small int, '' or a one-character str.
    func heldByLastSyntaxError(_ r: ObjectRef) -> Bool {
        guard lastValueIsSyntaxError, profile.immortalRefcount == nil else { return false }
        return smallInts.contains(r) || latin1Chars.contains(r) || r == emptyStr
    }

    /// Why `r`'s count is refused, for the refusal message.
    public func unmodelledCountReason(_ r: ObjectRef) -> String {
        let release = StartupRefcounts.release(version: profile.version) ?? profile.version
        if runningLiterals.contains(r), !ObjectFlags(rawValue: flags[Int(r)]).contains(.unmodelledCount) {
            return "CPython \(release)'s parser holds a varying number of references to a literal or name of the running code"
        }
        if heldByLastSyntaxError(r), !ObjectFlags(rawValue: flags[Int(r)]).contains(.unmodelledCount) {
            return "sys.last_value, the SyntaxError the prompt showed, may hold references to it "
                + "(its line and column numbers, its source line) that heapbook does not make"
        }
        switch unmodelledShared[r] {
        case StartupRefcounts.varies: return "CPython \(release)'s start-up holds a varying number of references to it"
        case StartupRefcounts.untracked:
            return "CPython \(release) holds references to it that heapbook does not reproduce"
        default: return "CPython \(release)'s start-up count of it was not measured"
        }
    }
}

extension Heap {
    /// Refuses `r`'s count from now on when it is a shared object (before 3.12): for
    /// references CPython holds to it that the engine does not (see
    /// `Compiler.markPeepholeLeftovers`).
    public func markUnmodelledCount(_ r: ObjectRef) {
        // Only once the measured counts are in force (not with provisional counts).
        guard startupRebased, profile.immortalRefcount == nil, isStatic(r) else { return }
        flags[Int(r)] |= ObjectFlags.unmodelledCount.rawValue
        if unmodelledShared[r] == nil { unmodelledShared[r] = StartupRefcounts.untracked }
    }

    /// Refuses the counts of every shared object from now on (before 3.12): CPython ran code
    /// (an import) whose references to them the engine does not take.
    public func markSharedCountsUnmodelled() {
        sharedObjectsInTableOrder().forEach(markUnmodelledCount)
    }

    /// The cached small int `v`, borrowed (nil outside the cache).
    public func cachedSmallInt(_ v: Int) -> ObjectRef? {
        v >= profile.smallIntMin && v <= profile.smallIntMax ? smallInts[v - profile.smallIntMin] : nil
    }

    /// The shared str of a string of at most one latin-1 character, borrowed (nil otherwise).
    public func cachedLatin1Str(_ s: String) -> ObjectRef? {
        let scalars = Array(s.unicodeScalars)
        if scalars.isEmpty { return emptyStr }
        return scalars.count == 1 && scalars[0].value < 256 ? latin1Chars[Int(scalars[0].value)] : nil
    }
}
