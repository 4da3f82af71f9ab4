import ArgumentParser
import Foundation

/// What to measure, parsed by swift-argument-parser like the CLI's own options.
struct BenchOptions: ParsableArguments {
    /// The groups measured on generated ledgers of each size, and all of them.
    static let ledgerGroups = ["append", "audit", "latency", "listing", "matching", "postgres", "report", "size"]
    static let groups = ["extraction", "report-per-article", "import", "wire-copies"] + ledgerGroups

    @Option(help: "Ledger sizes in entries, comma-separated.", transform: BenchOptions.integers)
    var sizes: [Int] = [1_000, 100_000, 1_000_000]
    @Flag(help: "Add a ledger of ten million entries (about 11 GB and 15 minutes).") var tenMillion = false
    @Option(help: "Folder for the ledgers and reports.")
    var work = FileManager.default.temporaryDirectory.appendingPathComponent("claimledger-bench").path
    @Option(help: "Megabytes of article text for the extraction figure.") var extractionMb = 20
    @Option(
        help: "Only these figure groups, comma-separated: \(groups.joined(separator: ", ")).",
        transform: { Set($0.split(separator: ",").map(String.init)) })
    var only: Set<String> = []
    @Flag(help: "Keep a ledger of the right size from an earlier run instead of filling a new one (for profiling).")
    var reuse = false
    @Option(help: "Entries per write transaction in the bulk-append figure.") var batch = 5_000
    @Option(
        help:
            "A PostgreSQL server (postgresql://USER@HOST:PORT/DB?sslmode=disable; Scripts/postgres_start.sh prints one) for the postgres group: a database per size is made on it."
    )
    var postgres: String?

    var allSizes: [Int] { sizes + (tenMillion ? [10_000_000] : []) }

    func validate() throws {
        if let unknown = only.first(where: { !BenchOptions.groups.contains($0) }) {
            throw ValidationError(
                "unknown figure group \(unknown); the groups are \(BenchOptions.groups.joined(separator: ", ")).")
        }
        if batch < 1 { throw ValidationError("--batch must be 1 or more.") }
    }

    func wants(_ group: String) -> Bool { only.isEmpty || only.contains(group) }

    /// Whether a group measured on generated ledgers of each size is asked for (else none is filled).
    var wantsLedgers: Bool { BenchOptions.ledgerGroups.contains(where: wants) }

    static func integers(_ text: String) throws -> [Int] {
        let values = text.split(separator: ",").map { Int($0.replacingOccurrences(of: "_", with: "")) }
        guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) > 0 }) else {
            throw ValidationError("--sizes takes entry counts like 1000,100000.")
        }
        return values.map { $0! }
    }
}
