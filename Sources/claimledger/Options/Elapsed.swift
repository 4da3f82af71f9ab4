import Foundation

/// "2 s ago", "5 min ago", "3 h ago", "4 days ago": how long before `later` the time `earlier` was
/// (both ledger times, `2026-01-02T03:04:05Z`), so a reviewer sees how fresh the verdict they replace is.
enum Elapsed {
    static func between(_ earlier: String, _ later: String) -> String {
        let format = ISO8601DateFormatter()
        guard let a = format.date(from: earlier), let b = format.date(from: later) else { return "at \(earlier)" }
        let s = max(0, Int(b.timeIntervalSince(a)))
        switch s {
        case ..<60: return "\(s) s ago"
        case ..<3_600: return "\(s / 60) min ago"
        case ..<86_400: return "\(s / 3_600) h ago"
        default: return "\(s / 86_400) days ago"
        }
    }
}
