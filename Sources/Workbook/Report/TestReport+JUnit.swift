// MARK: - JUnit XML

extension TestReport {
    /// JUnit XML: one `<testsuite>` per chapter, one `<testcase name="FILE:LINE">` per
    /// example; failures carry Expected/Got, unusable blocks are `<error>`s; `+SKIP` examples
    /// and `cpython` blocks' examples with no CPython run recorded are `<skipped>`.
    public var junitXML: String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let errors = allDiagnostics.count
        xml += "<testsuites name=\"heapbook\" tests=\"\(results.count + errors)\" failures=\"\(failed)\" errors=\"\(errors)\" skipped=\"\(skipped + results.filter { $0.status == .notConfirmed }.count)\">\n"
        if !diagnostics.isEmpty {
            xml += "  <testsuite name=\"heapbook\" tests=\"\(diagnostics.count)\" failures=\"0\" errors=\"\(diagnostics.count)\" skipped=\"0\">\n"
            for diagnostic in diagnostics { xml += Self.errorCase(diagnostic) }
            xml += "  </testsuite>\n"
        }
        for chapter in chapters {
            let failed = chapter.results.filter(\.isFailure).count
            let skipped = chapter.results.filter { $0.status == .skipped || $0.status == .notConfirmed }.count
            let errors = chapter.diagnostics.count
            xml += "  <testsuite name=\"\(Self.escape(chapter.chapter.path))\" tests=\"\(chapter.results.count + errors)\" failures=\"\(failed)\" errors=\"\(errors)\" skipped=\"\(skipped + results.filter { $0.status == .notConfirmed }.count)\">\n"
            for diagnostic in chapter.diagnostics { xml += Self.errorCase(diagnostic) }
            for result in chapter.results {
                let name = Self.escape(result.example.location.description)
                let classname = Self.escape(chapter.chapter.slug)
                if result.isFailure {
                    // A failure under any version of the example's plan fails its case.
                    xml += "    <testcase name=\"\(name)\" classname=\"\(classname)\">\n"
                    xml += "      <failure message=\"\(Self.escape(Self.failureMessage(result)))\">\(Self.escape(Self.failureText(result)))</failure>\n"
                    xml += "    </testcase>\n"
                } else if result.status == .skipped {
                    xml += "    <testcase name=\"\(name)\" classname=\"\(classname)\"><skipped/></testcase>\n"
                } else if result.status == .notConfirmed {
                    // A cpython block's example with no CPython run recorded: not checked at all.
                    xml += "    <testcase name=\"\(name)\" classname=\"\(classname)\"><skipped message=\"not confirmed on CPython\"/></testcase>\n"
                } else {
                    xml += "    <testcase name=\"\(name)\" classname=\"\(classname)\"/>\n"
                }
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    static func errorCase(_ diagnostic: Diagnostic) -> String {
        "    <testcase name=\"\(escape(diagnostic.location.description))\" classname=\"heapbook\">\n"
            + "      <error message=\"\(escape(diagnostic.message))\">\(escape(diagnostic.description))</error>\n"
            + "    </testcase>\n"
    }

    /// Escapes markup characters and drops characters XML 1.0 cannot carry.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
