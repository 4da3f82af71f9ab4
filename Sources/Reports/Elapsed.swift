import Foundation
import LedgerStore

/// "2 s", "5 min", "3 h", "4 days": how long after `earlier` the time `later` is (both ledger times,
/// `2026-01-02T03:04:05Z`), so a reviewer sees how fresh the verdict they replace is. One wording
/// for the terminal and the desk.
public enum Elapsed {
    public static func between(_ earlier: String, _ later: String) -> String? {
        guard let a = LedgerTime.date(from: earlier), let b = LedgerTime.date(from: later) else { return nil }
        return words(seconds: max(0, Int(b.timeIntervalSince(a))))
    }

    public static func words(seconds s: Int) -> String {
        switch s {
        case ..<60: return "\(s) s"
        case ..<3_600: return "\(s / 60) min"
        case ..<86_400: return "\(s / 3_600) h"
        default: return "\(s / 86_400) days"
        }
    }
}
