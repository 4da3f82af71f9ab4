import Foundation
import LedgerStore

/// Why an entry's `recorded_at` breaks the rule of docs/LEDGER-FORMAT.md, or nil.
func timeProblem<C: RandomAccessCollection>(_ time: C, after previous: [UInt8], seq: Int64) -> String?
where C.Element == UInt8, C.Index == Int {
    var text: String { String(decoding: Array(time.prefix(40)), as: UTF8.self) }  // only for a message
    if !LedgerTime.isValid(time) { return "recorded_at \"\(text)\" is not a UTC time of the form YYYY-MM-DDTHH:MM:SSZ" }
    if !previous.isEmpty, time.lexicographicallyPrecedes(previous) {
        return
            "recorded_at \(text) is earlier than entry \(seq - 1)'s \(String(decoding: previous, as: UTF8.self)) (an entry is never back-dated)"
    }
    return nil
}
