import Foundation
import LedgerStore
import Reports

/// "Seen before" at the top of the claim panel: the claims of other articles that repeat this one,
/// earlier and later, each with its verdict and evidence, and a link that puts a decided one's
/// evidence into the decision form (the reviewer still chooses the verdict and presses Record).
enum SeenBeforeView {
    static let h = PageLayout.h

    static func section(_ matches: [SimilarClaim], of c: ClaimRecord, back: String) -> String {
        guard !matches.isEmpty else { return "" }
        let items = matches.map { m -> String in
            let other = m.claim
            let when = other.seq < c.seq ? "earlier" : "later"
            var line =
                "\(PageLayout.badge(other.status)) <a href=\"/c/\(h(other.shortID))\">\(h(other.shortID))</a> "
                + "(\(when), \(Int((m.similarity * 100).rounded()))% alike): \(h(String(other.claim.text.prefix(140))))"
            if other.status == .verified || other.status == .disputed, let evidence = other.evidence {
                let use = back + (back.contains("?") ? "&" : "?") + "use=" + PageLayout.u(other.shortID) + "#panel"
                line +=
                    "<br><small>evidence: \(DecisionView.linked(evidence))</small> "
                    + "<a class=\"use\" href=\"\(h(use))\">Use the same evidence</a>"
            }
            return "<li>\(line)</li>"
        }.joined()
        return "<section class=\"seen\" aria-label=\"Seen before\"><h3>Seen before</h3><ul>\(items)</ul></section>"
    }

    /// A row's or a mark's flag: the claim repeats, or is repeated by, claims of other articles, and
    /// which of those were decided ("repeats a verified claim"); nil for none (a claim recorded
    /// before the ledger stored matches shows its matches only on its own page).
    static func flag(_ r: RepeatSummary?) -> String? {
        guard let r, r.claims > 0 else { return nil }
        switch (r.decided.contains(.verified), r.decided.contains(.disputed)) {
        case (true, true): return "repeats claims verified and disputed"
        case (true, false): return "repeats a verified claim"
        case (false, true): return "repeats a disputed claim"
        default:
            return r.claims == 1 ? "repeats a claim of another article" : "repeats \(r.claims) claims of other articles"
        }
    }

    /// The flag under a row's status.
    static func flagLine(_ r: RepeatSummary?) -> String {
        flag(r).map { "<br><small class=\"repeat\">\(h($0))</small>" } ?? ""
    }

    /// The evidence a "Use the same evidence" link asked for: a decided match's, never other text.
    static func evidence(use: String?, in matches: [SimilarClaim]) -> String? {
        guard let use, let m = matches.first(where: { $0.claim.shortID == use }),
            m.claim.status == .verified || m.claim.status == .disputed
        else { return nil }
        return m.claim.evidence
    }
}
