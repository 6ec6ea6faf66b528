import HeapEngine

/// Which profiles run each example.
///
/// Every example has one *primary* profile: its block's `python=`, else the run's default
/// (`--python X.Y`, 3.11 when none is given). Its expected output, as written in the
/// chapter, is the primary's. An example may also run under *other* profiles:
///
/// 1. the other versions its block lists in `versions=` (in the order listed);
/// 2. with `heapbook test --python all`, every profile of `Profile.all`.
///
/// Each run happens in that profile's chapter session (one per profile, all restarted by
/// `fresh`), so the Verifier, the oracle and the oracle cache's keys must agree on this
/// plan: they all take it from here.
public struct ProfilePlan: Sendable, Equatable {
    /// The primary profile of examples without `python=` ("3.11").
    public var defaultProfile: String
    /// `--python all`: every example also runs under every profile of `Profile.all`.
    public var everyProfile: Bool

    public init(defaultProfile: String = Profile.default.version, everyProfile: Bool = false) {
        self.defaultProfile = defaultProfile; self.everyProfile = everyProfile
    }

    /// The profile whose output is written in the chapter ("3.11").
    public func primary(of example: Example) -> String {
        example.python.flatMap(Profile.named)?.version ?? defaultProfile
    }

    /// Every profile `example` runs under: the primary first, then the others in the
    /// order listed (`versions=`), or in `Profile.all`'s order under `--python all`.
    public func profiles(of example: Example) -> [String] {
        let primary = primary(of: example)
        guard !example.cpythonOnly else { return [primary] }
        let others = everyProfile ? Profile.all.map(\.version) : (example.versions ?? [])
        return [primary] + others.filter { $0 != primary }
    }

    /// Whether any example of `examples` runs under more than its primary profile.
    public func runsOtherProfiles(_ examples: [Example]) -> Bool {
        everyProfile || examples.contains { ($0.versions?.count ?? 0) > 1 }
    }

    /// Whether judging `examples` needs the oracle cache: runs under other profiles, or
    /// examples of `cpython` blocks, are checked against what CPython recorded there.
    public func needsCache(_ examples: [Example]) -> Bool {
        runsOtherProfiles(examples) || examples.contains(where: \.cpythonOnly)
    }

    /// The session that runs `example` under `profile`: the profile's chapter session
    /// ("3.11", restarted by `fresh`), or, for a `cpython` block, a CPython session of its
    /// own that holds just that block ("3.11 cpython block 4"). The engine never runs the
    /// latter; the oracle and the cache keys do, and they agree through this name.
    public func session(of example: Example, profile: String) -> String {
        example.cpythonOnly ? "\(profile) cpython block \(example.blockIndex)" : profile
    }
}

/// The value of `--python`: one profile ("3.12"), or `all` (`heapbook test` only).
public enum PythonSelection: Sendable, Equatable {
    case one(Profile)
    /// Every profile of `Profile.all`, the primary being `Profile.default` (or `python=`).
    case all

    /// "all", or a profile `Profile.named` knows; nil for anything else.
    public init?(_ text: String) {
        if text == "all" { self = .all; return }
        guard let profile = Profile.named(text) else { return nil }
        self = .one(profile)
    }

    /// The default profile of the run: the one selected, or `Profile.default` for `all`.
    public var profile: Profile {
        if case .one(let profile) = self { return profile }
        return .default
    }

    public var plan: ProfilePlan {
        ProfilePlan(defaultProfile: profile.version, everyProfile: self == .all)
    }

    /// "Unknown Python version '3.7'. Please provide one of '3.11', '3.12', '3.13' or 'all'."
    public static func unknownMessage(_ text: String, allowingAll: Bool) -> String {
        "Unknown Python version '\(text)'. " + pleaseProvide(allowingAll: allowingAll)
    }

    /// "Please provide one of '3.11', '3.12' or '3.13'." (argument-parser's wording).
    public static func pleaseProvide(allowingAll: Bool) -> String {
        let choices = Profile.all.map(\.version) + (allowingAll ? ["all"] : [])
        return "Please provide one of \(ExampleExtractor.quotedList(choices))."
    }
}
