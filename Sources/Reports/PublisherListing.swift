import LedgerStore

/// How `publisher show` shows who publishes a ledger's reviews, in every listing format.
public enum PublisherListing {
    public static func listing(format: ListingFormat, styling: Styling) -> Listing<Publisher> {
        Listing(
            format: format,
            columns: .init(
                tableHeader: "",
                tableRow: { p in
                    let rows: [(String, String?)] = [
                        ("Publisher", p.name), ("Site", p.url), ("Logo", p.logo),
                        ("Review pages", p.reviewURL), ("Set", "\(p.setAt) by \(p.setBy) (entry \(p.seq))"),
                    ]
                    return rows.compactMap { label, value in
                        value.map {
                            styling.bold(label.padding(toLength: 13, withPad: " ", startingAt: 0))
                                + VisibleText.visible($0) + "\n"
                        }
                    }.joined()
                },
                json: { p in
                    .object([
                        ("name", .string(p.name)), ("url", .from(p.url)), ("logo", .from(p.logo)),
                        ("review_url", .string(p.reviewURL)), ("seq", .int(p.seq)), ("set_at", .string(p.setAt)),
                        ("set_by", .string(p.setBy)),
                    ])
                },
                csvHeader: ["name", "url", "logo", "review_url", "seq", "set_at", "set_by"],
                csvRow: { p in [p.name, p.url ?? "", p.logo ?? "", p.reviewURL, String(p.seq), p.setAt, p.setBy] },
                empty:
                    "No publisher set: ClaimReview reports need one. Set it with `claimledger publisher set --name NAME --review-url URL`.\n"
            ))
    }
}
