import LedgerStore

/// How `ratings` lists the rating scale, in every listing format.
public enum RatingListing {
    public static func listing(format: ListingFormat, styling: Styling) -> Listing<RatingLabel> {
        let table = TextTable(headers: ["VALUE", "MEANS", "DEFINED", "LABEL"], widths: [5, 9, 20, 0])
        return Listing(
            format: format,
            columns: .init(
                tableHeader: styling.bold(table.line(table.headers)) + "\n",
                tableRow: { r in
                    table.line(
                        [String(r.value), r.means.rawValue, defined(r), r.label],
                        decorate: [{ $0 }, styling.status, styling.dim, styling.bold]) + "\n"
                },
                json: { r in
                    .object([
                        ("label", .string(r.label)), ("means", .string(r.means.rawValue)),
                        ("value", .int(Int64(r.value))),
                        ("seq", r.seq.map(JSONValue.int) ?? .null), ("reviewer", .from(r.reviewer)),
                    ])
                },
                csvHeader: ["label", "means", "value", "seq", "reviewer"],
                csvRow: { r in [r.label, r.means.rawValue, String(r.value), r.seq.map(String.init), r.reviewer] },
                empty: ""))
    }

    /// "built in", or the entry and reviewer that defined the label in this ledger.
    static func defined(_ r: RatingLabel) -> String {
        r.seq.map { "entry \($0), \(r.reviewer ?? "?")" } ?? "built in"
    }
}
