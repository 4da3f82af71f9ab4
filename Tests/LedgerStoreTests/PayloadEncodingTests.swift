import Foundation
import LedgerStore
import Reports
import TestSupport
import Testing

/// The payload writer on the append path must produce exactly the bytes of the generic stable JSON
/// writer (sorted keys, nulls omitted): every hash in every existing ledger depends on it.
@Suite("Payload encoding")
struct PayloadEncodingTests {
    /// Text with what JSON must escape: quotes, backslashes, every control character, non-ASCII.
    static func randomText(_ rng: inout SplitMix) -> String {
        let pieces = [
            "a", "Zürich", "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{1F}", "\u{7F}",
            "\u{2028}", "👩🏽‍⚕️", "e\u{0301}", "«", "»", " ", "{}", "[]", ":", ",",
        ]
        let count = Int.random(in: 0...40, using: &rng)
        return (0..<count).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    static func maybe<T>(_ rng: inout SplitMix, _ make: (inout SplitMix) -> T) -> T? {
        Bool.random(using: &rng) ? make(&rng) : nil
    }

    /// The oracle: the output writer (Reports) over a dictionary of the non-null fields.
    static func expected(_ fields: [String: Any?]) -> String {
        StableJSON.string(JSONValue(parsed: fields.compactMapValues { $0 } as [String: Any]))
    }

    @Test func claimPayloadsEncodeAsTheGenericWriterDoes() throws {
        var rng = SplitMix(state: 2026)
        for _ in 0..<2_000 {
            let p = ClaimPayload(
                claimID: Self.randomText(&rng), sourceID: Self.randomText(&rng),
                kind: ClaimKind.allCases.randomElement(using: &rng)!,
                text: Self.randomText(&rng), speaker: Self.maybe(&rng, Self.randomText),
                cue: Self.maybe(&rng, Self.randomText),
                via: Self.maybe(&rng, Self.randomText), claimType: Self.maybe(&rng, Self.randomText),
                score: Self.maybe(&rng) { [0, 1, 0.25, 0.3, 1e-7, 123.456, -2.5][Int.random(in: 0..<7, using: &$0)] },
                start: Self.maybe(&rng) { Int.random(in: -5...1_000_000, using: &$0) },
                end: Self.maybe(&rng) { Int.random(in: 0...1_000_000, using: &$0) },
                prefix: Self.maybe(&rng, Self.randomText), suffix: Self.maybe(&rng, Self.randomText),
                sentenceStart: Self.maybe(&rng) { Int.random(in: 0...99, using: &$0) },
                sentenceEnd: Self.maybe(&rng) { Int.random(in: 0...99, using: &$0) })
            let fields: [String: Any?] = [
                "claim_id": p.claimID, "source_id": p.sourceID, "kind": p.kind.rawValue, "text": p.text,
                "speaker": p.speaker,
                "cue": p.cue, "via": p.via, "claim_type": p.claimType, "score": p.score, "start": p.start, "end": p.end,
                "prefix": p.prefix, "suffix": p.suffix, "sentence_start": p.sentenceStart,
                "sentence_end": p.sentenceEnd,
            ]
            let json = PayloadJSON.encode(p)
            #expect(json == Self.expected(fields))
            // And it is JSON that decodes back to the same payload.
            #expect(try JSONDecoder().decode(ClaimPayload.self, from: Data(json.utf8)) == p)
        }
    }

    @Test func otherPayloadsEncodeAsTheGenericWriterDoes() {
        var rng = SplitMix(state: 7)
        for _ in 0..<500 {
            let t = { (rng: inout SplitMix) in Self.randomText(&rng) }
            let s = SourcePayload(
                sourceID: t(&rng), sha256: Self.maybe(&rng, t), title: Self.maybe(&rng, t),
                outlet: Self.maybe(&rng, t), author: Self.maybe(&rng, t), published: Self.maybe(&rng, t),
                url: Self.maybe(&rng, t), text: Self.maybe(&rng, t))
            #expect(
                PayloadJSON.encode(s)
                    == Self.expected([
                        "source_id": s.sourceID, "sha256": s.sha256, "title": s.title, "outlet": s.outlet,
                        "author": s.author,
                        "published": s.published, "url": s.url, "text": s.text,
                    ]))
            let st = StatusPayload(
                claimID: t(&rng), status: ClaimStatus.allCases.randomElement(using: &rng)!, evidence: t(&rng),
                note: Self.maybe(&rng, t), reviewer: t(&rng))
            #expect(
                PayloadJSON.encode(st)
                    == Self.expected([
                        "claim_id": st.claimID, "status": st.status.rawValue, "evidence": st.evidence, "note": st.note,
                        "reviewer": st.reviewer,
                    ]))
            let n = NotePayload(claimID: t(&rng), text: t(&rng), reviewer: t(&rng))
            #expect(
                PayloadJSON.encode(n) == Self.expected(["claim_id": n.claimID, "text": n.text, "reviewer": n.reviewer]))
            let c = CorrectionPayload(
                claimID: t(&rng), field: CorrectionField.allCases.randomElement(using: &rng)!,
                value: Self.maybe(&rng, t), reason: t(&rng), reviewer: t(&rng))
            #expect(
                PayloadJSON.encode(c)
                    == Self.expected([
                        "claim_id": c.claimID, "field": c.field.rawValue, "value": c.value, "reason": c.reason,
                        "reviewer": c.reviewer,
                    ]))
        }
    }
}
