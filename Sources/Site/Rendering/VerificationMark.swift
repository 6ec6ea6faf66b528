import Workbook

/// Which real CPython versions agreed with an example — filled later from the oracle cache
/// (docs/DESIGN.md §7). The site says "confirmed on CPython 3.11.7" when every compared example
/// of a block has a confirmation.
public protocol ConfirmationSource: Sendable {
    /// Real interpreter versions ("3.11.7") whose output matched this example.
    func confirmations(for example: Example) -> [String]
}

/// No oracle cache: nothing is claimed beyond the engine.
public struct NoConfirmations: ConfirmationSource {
    public init() {}
    public func confirmations(for example: Example) -> [String] { [] }
}
