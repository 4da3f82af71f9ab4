import LedgerStore
import ReviewerAccess

/// How `reviewer list` lists the desk's reviewers, in every listing format (never a token or its hash).
public enum ReviewerListing {
    public static func listing(format: ListingFormat, styling: Styling) -> Listing<Reviewer> {
        let table = TextTable(headers: ["NAME", "STATE", "ADDED", "BY", "REVOKED"], widths: [20, 8, 20, 16, 0])
        return Listing(
            format: format,
            columns: .init(
                tableHeader: styling.bold(table.line(table.headers)) + "\n",
                tableRow: { r in
                    table.line(
                        [
                            VisibleText.visible(r.name), r.isActive ? "active" : "revoked", r.addedAt,
                            VisibleText.visible(r.addedBy),
                            r.revoked.map { "\($0.at) by \(VisibleText.visible($0.by))" } ?? "",
                        ],
                        decorate: [styling.bold, { $0 }, styling.dim, { $0 }, styling.dim]) + "\n"
                },
                json: { r in
                    .object([
                        ("name", .string(r.name)), ("active", .bool(r.isActive)), ("seq", .int(r.seq)),
                        ("added_at", .string(r.addedAt)), ("added_by", .string(r.addedBy)),
                        ("revoked_seq", r.revoked.map { .int($0.seq) } ?? .null),
                        ("revoked_at", r.revoked.map { .string($0.at) } ?? .null),
                        ("revoked_by", r.revoked.map { .string($0.by) } ?? .null),
                    ])
                },
                csvHeader: [
                    "name", "active", "seq", "added_at", "added_by", "revoked_seq", "revoked_at", "revoked_by",
                ],
                csvRow: { r in
                    [
                        r.name, r.isActive ? "true" : "false", String(r.seq), r.addedAt, r.addedBy,
                        r.revoked.map { String($0.seq) }, r.revoked?.at, r.revoked?.by,
                    ]
                },
                empty: "No reviewers yet: add one with `claimledger reviewer add NAME`.\n"))
    }
}
