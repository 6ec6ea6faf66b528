import HeapEngine

// Mirrors Lib/dis.py (3.11): `dis.dis(code)`'s text — line numbers where a line starts,
// `>>` on jump targets (handlers too), byte offsets counting the inline CACHE entries, the
// oparg and its meaning in parentheses, the exception table, then each nested code object's
// disassembly.

struct Disassembler {
    let interp: Interpreter

    /// dis.dis(code): this code, then every code object among its constants, recursively.
    func disassemble(_ code: CodeObject) -> String {
        guard let bytecode = code.bytecode else { return "" }
        bytecode.assemble(code)
        var out = disassembleOne(code, bytecode)
        for k in bytecode.constants.prefix(bytecode.coConstsCount) {
            guard case .native(let o) = interp.heap.payload[Int(k)], let inner = o as? CodeObject, inner.bytecode != nil else { continue }
            out += "\nDisassembly of \(interp.reprString(k)):\n"
            out += disassemble(inner)
        }
        return out
    }

    /// dis.disassemble / _disassemble_bytes for one code object.
    private func disassembleOne(_ code: CodeObject, _ bc: Bytecode) -> String {
        let ins = bc.instructions
        // An oparg above 255 takes EXTENDED_ARG prefixes (jumps here never do), which a jump
        // to the instruction targets: `offsets` are where the prefixes start.
        var offsets: [Int] = []
        var prefixes: [Int] = []
        var offset = 0
        for i in ins {
            offsets.append(offset)
            var n = 0
            if i.op.rawValue >= 90 && !i.op.isJump { var a = UInt32(bitPattern: i.arg) >> 8; while a > 0 { n += 1; a >>= 8 } }
            prefixes.append(n)
            offset += 2 * (n + 1 + i.op.cacheEntries)
        }
        let maxLine = bc.lines.max() ?? 0
        let linenoWidth = maxLine >= 1000 ? String(maxLine).count : 3
        let offsetWidth = offset - 2 >= 10000 ? String(offset - 2).count : 4
        var out = ""
        var lastLine: Int32? = nil
        for (i, instruction) in ins.enumerated() {
            let line = bc.lines[i]
            let startsLine = line != lastLine
            lastLine = line
            if startsLine && offsets[i] > 0 { out += "\n" }
            for k in 0..<prefixes[i] {
                let text = [k == 0 && startsLine ? pad(String(line), linenoWidth) : String(repeating: " ", count: linenoWidth),
                            "   ", k == 0 && bc.jumpTargets.contains(i) ? ">>" : "  ", pad(String(offsets[i] + 2 * k), offsetWidth),
                            "EXTENDED_ARG" + String(repeating: " ", count: 8),
                            pad(String(UInt32(bitPattern: instruction.arg) >> (8 * UInt32(prefixes[i] - k))), 5)]
                out += text.joined(separator: " ") + "\n"
            }
            let prefixed = prefixes[i] > 0
            var fields: [String] = []
            fields.append(startsLine && !prefixed ? pad(String(line), linenoWidth) : String(repeating: " ", count: linenoWidth))
            fields.append("   ")
            fields.append(bc.jumpTargets.contains(i) && !prefixed ? ">>" : "  ")
            fields.append(pad(String(offsets[i] + 2 * prefixes[i]), offsetWidth))
            let name = instruction.op.name
            fields.append(name + String(repeating: " ", count: max(0, 20 - name.count)))
            if instruction.op.rawValue >= 90 {
                let (arg, meaning) = argument(instruction, at: i, offsets, code, bc)
                fields.append(pad(String(arg), 5))
                if !meaning.isEmpty { fields.append("(" + meaning + ")") }
            }
            var text = fields.joined(separator: " ")
            while text.last == " " { text.removeLast() }
            out += text + "\n"
        }
        // 3.11's "ExceptionTable:" (dis._parse_exception_table): byte offsets, the end being
        // the last code unit of the range (its last instruction's CACHE entries included).
        if !bc.exceptionTable.isEmpty {
            out += "ExceptionTable:\n"
            for e in bc.exceptionTable {
                let end = offsets[e.end] + 2 * (prefixes[e.end] + ins[e.end].op.cacheEntries)
                out += "  \(offsets[e.start]) to \(end) -> \(offsets[e.target]) [\(e.depth)]\(e.lasti ? " lasti" : "")\n"
            }
        }
        return out
    }

    private func pad(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - s.count)) + s
    }

    /// The oparg as CPython encodes it (jumps relative, in code units) and its argrepr.
    private func argument(_ i: Instruction, at index: Int, _ offsets: [Int], _ code: CodeObject, _ bc: Bytecode) -> (Int32, String) {
        switch i.op {
        case .LOAD_CONST:
            return (i.arg, interp.reprString(bc.constants[Int(i.arg)]))
        case .LOAD_NAME, .STORE_NAME, .DELETE_NAME, .LOAD_ATTR, .STORE_ATTR, .DELETE_ATTR, .IMPORT_NAME,
             .IMPORT_FROM, .LOAD_METHOD, .STORE_GLOBAL, .DELETE_GLOBAL, .LOAD_SUPER_ATTR:
            return (i.arg, bc.names[Int(i.arg)])
        case .LOAD_GLOBAL:
            return (i.arg, (i.arg & 1 == 1 ? "NULL + " : "") + bc.names[Int(i.arg >> 1)])
        case .LOAD_FAST, .STORE_FAST, .DELETE_FAST:
            return (i.arg, code.localNames[Int(i.arg)])
        case .COMPARE_OP:
            return (i.arg, CompareOp.byCmpOparg[Int(i.arg)].rawValue)
        case .BINARY_OP:
            if i.arg >= BinaryOp.inplaceBase { return (i.arg, BinaryOp.byNbOparg[Int(i.arg - BinaryOp.inplaceBase)].rawValue + "=") }
            return (i.arg, BinaryOp.byNbOparg[Int(i.arg)].rawValue)
        case .LOAD_CLOSURE, .DELETE_DEREF:
            return (i.arg, code.localNames[Int(i.arg)])
        case .LOAD_DEREF where i.aux < 0, .STORE_DEREF where i.aux < 0:
            return (i.arg, code.localNames[Int(i.arg)])
        case .MAKE_FUNCTION:
            // dis's MAKE_FUNCTION_FLAGS.
            return (i.arg, [(1, "defaults"), (2, "kwdefaults"), (4, "annotations"), (8, "closure")].filter({ i.arg & $0.0 != 0 }).map({ $0.1 }).joined(separator: ", "))
        case .FORMAT_VALUE:
            // dis: the conversion, then "with format" when FVS_HAVE_SPEC (4) is set.
            let conversion = ["", "str", "repr", "ascii"][Int(i.arg & 3)]
            guard i.arg & 4 != 0 else { return (i.arg, conversion) }
            return (i.arg, conversion.isEmpty ? "with format" : conversion + ", with format")
        default:
            guard i.op.isJump else { return (i.arg, "") }
            let next = offsets[index] + 2 * (1 + i.op.cacheEntries)
            let target = offsets[Int(i.arg)]
            let distance = (target >= next ? target - next : next - target) / 2
            return (Int32(distance), "to \(target)")
        }
    }
}

extension Session {
    /// dis.dis(compile(source, filename, "exec")) as the VM would run it; nil when the code
    /// generator does not handle every construct of the source yet (or it is not Python).
    /// Compiling leaves the session's namespace as it was (nothing runs).
    public func disassemble(_ source: String, filename: String = "<stdin>") -> String? {
        Session.onLargeStack {
            guard let stmts = try? Parser.parseModule(source, filename: filename, limits: ParserLimits(self.profile)) else { return nil }
            let compiler = Compiler(interp: self.interp, filename: filename)
            defer { compiler.finishCompiling(); compiler.releaseArena() }
            guard let code = try? CodeGen.compileModule(compiler, stmts, interactive: false),
                  let codeRef = try? compiler.makeCode(code) else { return nil }
            defer { self.interp.heap.decref(codeRef) }
            return Disassembler(interp: self.interp).disassemble(code)
        }
    }
}
