import LedgerStore

/// How `keys list` lists the verifier keys a ledger trusts, in every listing format.
public enum TrustedKeyListing {
    public static func listing(format: ListingFormat, styling: Styling) -> Listing<TrustedKey> {
        let table = TextTable(headers: ["NAME", "TRUSTED", "BY", "KEY"], widths: [28, 20, 16, 0])
        return Listing(
            format: format,
            columns: .init(
                tableHeader: styling.bold(table.line(table.headers)) + "\n",
                tableRow: { k in
                    table.line(
                        [VisibleText.visible(k.name), k.trustedAt, VisibleText.visible(k.trustedBy), k.key],
                        decorate: [styling.bold, styling.dim, { $0 }, styling.dim]) + "\n"
                },
                json: { k in
                    .object([
                        ("name", .string(k.name)), ("key", .string(k.key)), ("seq", .int(k.seq)),
                        ("trusted_at", .string(k.trustedAt)), ("trusted_by", .string(k.trustedBy)),
                    ])
                },
                csvHeader: ["name", "key", "seq", "trusted_at", "trusted_by"],
                csvRow: { k in [k.name, k.key, String(k.seq), k.trustedAt, k.trustedBy] },
                empty:
                    "No trusted keys: checkpoints are checked only with `audit --key`. Trust one with `claimledger keys trust FILE`.\n"
            ))
    }
}
