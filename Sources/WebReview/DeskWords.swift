import Foundation
import LedgerStore
import Reports

/// What the desk says, in the words of someone using its buttons (the library's typed errors are
/// worded here for the web; the CLI words them with its flags).
enum DeskWords {
    /// "2 s", "5 min", "3 h", "4 days" since a stored time.
    static func age(of recordedAt: String?, now: Date = Date()) -> String {
        recordedAt.flatMap { Elapsed.between($0, LedgerTime.string(from: now)) } ?? "some time"
    }

    static func verdict(_ status: String?) -> String {
        switch ClaimStatus(rawValue: status ?? "") {
        case .verified: return "verification"
        case .disputed: return "dispute"
        case .dismissed: return "dismissal"
        case .unverified, nil: return "reopening"
        }
    }

    /// Why the ClaimReview download is refused: whoever runs the ledger sets the publisher at the terminal.
    static let noPublisher =
        "The ClaimReview download needs to know who publishes the reviews and where each review's page is: "
        + "ask whoever runs this ledger to set the publisher once (“claimledger publisher set” at the terminal). The other formats need nothing."

    /// Asked once before a decision replaces a colleague's.
    static func replacing(_ e: HistoryEvent) -> String {
        "This replaces \(e.credit ?? "a colleague")'s \(verdict(e.verdict?.status.rawValue)) of \(age(of: e.recordedAt)) ago (see the verdict above). "
            + "Nothing was recorded yet: press Record decision again to replace it."
    }

    /// A change someone else made while this reviewer was looking.
    /// A refusal as the panel shows it beside the form: its words and the page's status (409 for a
    /// change made meanwhile, 400 for input to mend); nil for an error that is not the reviewer's to mend.
    static func refusal(_ error: LedgerError) -> (words: String, status: Int)? {
        switch error {
        case .conflict(let conflict): return (DeskWords.conflict(conflict), 409)
        case .missing(let missing): return (DeskWords.missing(missing), 400)
        case .rating(let refusal): return (DeskWords.rating(refusal), 400)
        case .attribution(let refusal): return (DeskWords.attribution(refusal), 400)
        case .assignment(let refusal): return (DeskWords.assignment(refusal), 400)
        case .refused(let why): return (why, 400)
        default: return nil
        }
    }

    static func conflict(_ c: Conflict) -> String {
        let who = c.by ?? "someone"
        let when = c.at.map { " \(age(of: $0)) ago" } ?? ""
        switch c.field {
        case .status:
            return
                "While you were deciding, \(who) recorded “\(c.found ?? "unverified")” for this claim\(when). Nothing was recorded: "
                + "read the verdict above, then decide again if you still disagree."
        case .attribution:
            let now = c.found.flatMap(AttributionVerdict.init(rawValue:))?.label ?? "not checked"
            return
                "While you were checking, \(who) recorded “\(now)” for how this quote was said\(when). Nothing was recorded: "
                + "read the attribution above, then check again if you still disagree."
        case .assignment:
            let now =
                c.found.map { $0 == c.by ? "took it" : "gave it to \($0)" } ?? "gave it back (nobody is on it)"
            return
                "Meanwhile \(who) \(now)\(when). Nothing was recorded: see who is on it above, then take or assign it again if you still mean to."
        case .source(let field):
            return
                "While you were correcting, \(who) changed this source’s \(field.rawValue) to \(c.found.map { "“\($0)”" } ?? "nothing")\(when). "
                + "Nothing was recorded: check the source above and correct it again if needed."
        case .speaker:
            return
                "While you were correcting, \(who) changed the speaker to \(c.found.map { "“\($0)”" } ?? "none")\(when). "
                + "Nothing was recorded: check the speaker above and correct it again if needed."
        }
    }

    static func attribution(_ a: AttributionRefusal) -> String {
        switch a {
        case .notAQuote:
            return
                "This is a claim, not a quote: only a quote's words can be checked against its speaker. Nothing was recorded."
        }
    }

    static func assignment(_ a: AssignmentRefusal) -> String {
        switch a {
        case .unknownAssignee(let name, _):
            return "“\(name)” is not a reviewer of this desk: choose a colleague from the list. Nothing was recorded."
        case .revokedAssignee(let name):
            return "\(name) can no longer sign in to this desk: choose another colleague. Nothing was recorded."
        }
    }

    static func missing(_ m: MissingInput) -> String {
        switch m {
        case .evidence(let status) where status == .verified || status == .disputed:
            return "Fill in Evidence (a URL or where it was checked), then press Record decision. Nothing was recorded."
        case .evidence: return "Fill in the reason, then press Record decision. Nothing was recorded."
        case .noteText: return "The note is empty: write it, then press Add note. Nothing was recorded."
        case .correctionReason:
            return "Give a reason for the correction, then press Correct speaker. Nothing was recorded."
        case .reviewerName: return "Your session has no reviewer: sign in again. Nothing was recorded."
        case .attributionEvidence:
            return
                "Fill in the evidence of what was said (a recording, a transcript), then press Record attribution. Nothing was recorded."
        case .onlyIDs(let text):
            return "“\(text)” is only claim IDs: write what you mean in words. Nothing was recorded."
        }
    }

    static func rating(_ r: RatingRefusal) -> String {
        switch r {
        case .unknown(let label, let known):
            return
                "“\(label)” is not on this desk's rating scale (\(known.joined(separator: ", "))). Choose one from the list. Nothing was recorded."
        case .meansOther(let label, let means):
            return
                "The rating “\(label)” means \(means.rawValue): choose \(means == .verified ? "Verified" : "Disputed") with it, or another rating. Nothing was recorded."
        case .notForDecision:
            return
                "A rating goes with Verified or Disputed only: set Rating to “—” to dismiss or reopen. Nothing was recorded."
        }
    }
}
