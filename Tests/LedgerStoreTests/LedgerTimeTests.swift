import Foundation
import LedgerStore
import TestSupport
import Testing

/// Issue 13: `LedgerTime` converts dates by hand (Foundation's calendar is slow on Linux, and this is
/// on the append path); it must agree with Foundation everywhere.
@Suite("LedgerTime against Foundation")
struct LedgerTimeTests {
    static let foundation: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.calendar = Calendar(identifier: .gregorian)
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return f
    }()

    @Test func formatsEveryInstantAsFoundationDoes() {
        var rng = SplitMix(state: 13)
        // Random instants from 1600 to 9999, plus the edges: epoch, leap days, centuries, year ends.
        var instants: [Int64] = [
            0, -1, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_400, 253_402_300_799, -11_676_096_000,
        ]
        for _ in 0..<20_000 { instants.append(Int64.random(in: -11_676_096_000...253_402_300_799, using: &rng)) }
        for t in instants {
            let date = Date(timeIntervalSince1970: TimeInterval(t))
            let ours = LedgerTime.string(from: date)
            #expect(ours == LedgerTimeTests.foundation.string(from: date), "\(t)")
            #expect(LedgerTime.isValid(Array(ours.utf8)), "\(ours)")
        }
    }

    @Test func validityAgreesWithFoundationParsing() {
        var rng = SplitMix(state: 31)
        for _ in 0..<5_000 {
            let (y, m, d) = (
                Int.random(in: 1600...2400, using: &rng), Int.random(in: 0...13, using: &rng),
                Int.random(in: 0...32, using: &rng)
            )
            let (h, mi, s) = (
                Int.random(in: 0...24, using: &rng), Int.random(in: 0...60, using: &rng),
                Int.random(in: 0...59, using: &rng)
            )
            let text = String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, h, mi, s)
            let parsed =
                LedgerTimeTests.foundation.date(from: text).map { LedgerTimeTests.foundation.string(from: $0) == text }
                ?? false
            #expect(LedgerTime.isValid(Array(text.utf8)) == parsed, "\(text)")
        }
        #expect(LedgerTime.isValid(Array("2016-12-31T23:59:60Z".utf8)))  // a leap second is allowed
        #expect(!LedgerTime.isValid(Array("1999-13-45T99:99:99Z".utf8)))
    }

    /// `date(from:)` is the inverse of `string(from:)` for every second from 1970 on, and strict.
    @Test func readingATimeIsTheInverseOfWritingIt() {
        var rng = SplitMix(state: 7)
        for _ in 0..<5_000 {
            let t = Int64.random(in: 0...253_402_300_799, using: &rng)
            let text = LedgerTime.string(from: Date(timeIntervalSince1970: TimeInterval(t)))
            #expect(LedgerTime.date(from: text)?.timeIntervalSince1970 == TimeInterval(t), "\(text)")
        }
        for bad in [
            "0000-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-01-01T24:00:00Z", "1969-12-31T23:59:59Z",
            "2016-12-31T23:59:60Z", "2026-1-01T00:00:00Z", "2026-01-01T00:00:00z", " 2026-01-01T00:00:00Z",
        ] {
            #expect(LedgerTime.date(from: bad) == nil, "\(bad)")
        }
    }
}
