import Foundation
import LedgerStore

/// What the desk says, in the words of someone using its buttons (the library's typed errors are
/// worded here for the web; the CLI words them with its flags).
enum DeskWords {
    /// "2 s", "5 min", "3 h", "4 days" since a stored time.
    static func age(of recordedAt: String?, now: Date = Date()) -> String {
        guard let recordedAt, let then = LedgerTime.date(from: recordedAt) else { return "some time" }
        let seconds = max(0, Int(now.timeIntervalSince(then)))
        switch seconds {
        case ..<60: return "\(seconds) s"
        case ..<3_600: return "\(seconds / 60) min"
        case ..<86_400: return "\(seconds / 3_600) h"
        default: return "\(seconds / 86_400) days"
        }
    }

    static func verdict(_ status: String?) -> String {
        switch ClaimStatus(rawValue: status ?? "") {
        case .verified: return "verification"
        case .disputed: return "dispute"
        case .dismissed: return "dismissal"
        case .unverified, nil: return "reopening"
        }
    }

    /// Asked once before a decision replaces a colleague's.
    static func replacing(_ e: HistoryEvent) -> String {
        "This replaces \(e.reviewer ?? "a colleague")'s \(verdict(e.status)) of \(age(of: e.recordedAt)) ago (see the verdict above). "
            + "Nothing was recorded yet: press Record decision again to replace it."
    }

    /// A change someone else made while this reviewer was looking.
    static func conflict(_ c: Conflict) -> String {
        let who = c.by ?? "someone", when = c.at.map { " \(age(of: $0)) ago" } ?? ""
        switch c.field {
        case .status:
            return "While you were deciding, \(who) recorded “\(c.found ?? "unverified")” for this claim\(when). Nothing was recorded: "
                + "read the verdict above, then decide again if you still disagree."
        case .speaker:
            return "While you were correcting, \(who) changed the speaker to \(c.found.map { "“\($0)”" } ?? "none")\(when). "
                + "Nothing was recorded: check the speaker above and correct it again if needed."
        }
    }
}
