import ArgumentParser
import LedgerStore
import Reports

extension ClaimLedgerCommand {
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the ledger's entries in order, with their hashes.")

        @OptionGroup var ledger: LedgerOptions
        @Option(help: "Output format: table, json or ndjson (full entries with payloads).") var format: ListingFormat = .table
        @Option(help: "Start at this entry number.") var from: Int64 = 1

        func validate() throws {
            if format == .csv { throw ValidationError("log prints table, json or ndjson; csv is for claim listings.") }
        }

        func run() throws {
            try runReportingErrors {
                let l = try ledger.openForReading()
                let styling = Styling.forStandardOutput()
                let stdout = StandardOutput()
                var first = true
                if format == .json { stdout.write("[") }
                try l.forEachEntry(from: from) { entry in
                    switch format {
                    case .table: stdout.write(EntryLog.tableLine(entry, styling: styling))
                    case .json: stdout.write((first ? "\n  " : ",\n  ") + StableJSON.string(EntryLog.jsonObject(entry)))
                    case .ndjson, .csv: stdout.write(StableJSON.string(EntryLog.jsonObject(entry)) + "\n")
                    }
                    first = false
                }
                if format == .json { stdout.write(first ? "]\n" : "\n]\n") }
                stdout.flush()
            }
        }
    }
}
