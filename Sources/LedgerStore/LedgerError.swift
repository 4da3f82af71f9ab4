import Foundation

/// Everything the ledger can refuse, each with a sentence that names the fix.
/// The CLI maps `exitCode` to the process status documented in SPEC.md.
public enum LedgerError: Error, LocalizedError, Equatable, Sendable {
    /// No ledger file where one was expected.
    case missingLedger(path: String)
    /// The file exists but is not a ClaimLedger database.
    case notALedger(path: String)
    /// The ledger was made by a newer ClaimLedger.
    case newerSchema(found: Int, known: Int)
    /// No claim or source starts with this prefix.
    case unknownID(String)
    /// Several claims or sources start with this prefix.
    case ambiguousID(String, candidates: [String])
    /// The request is well-formed but refused (missing evidence, bad input file...).
    case refused(String)
    /// Another process held the write lock longer than the busy timeout.
    case busy(path: String)
    /// The database file is unreadable or malformed.
    case damaged(String)

    public var errorDescription: String? {
        switch self {
        case .missingLedger(let path):
            return "No ledger at \(path). Run `claimledger init --db \(path)` or `claimledger ingest FILE` to create one, or pass --db PATH."
        case .notALedger(let path):
            return "\(path) is not a ClaimLedger database; ClaimLedger will not touch it. Choose another file with --db PATH."
        case .newerSchema(let found, let known):
            return "This ledger has schema version \(found), but this claimledger knows only up to \(known). Upgrade claimledger to read it."
        case .unknownID(let id):
            return "No claim or source matches ID \(id). Run `claimledger list` to see the IDs."
        case .ambiguousID(let id, let candidates):
            return "ID \(id) is ambiguous; it matches \(candidates.joined(separator: ", ")). Type more characters of the ID."
        case .refused(let message):
            return message
        case .busy(let path):
            return "The ledger \(path) is busy: another claimledger process held it longer than the wait allows. Nothing was written; run the command again (or raise CLAIMLEDGER_BUSY_TIMEOUT)."
        case .damaged(let message):
            return "The ledger is damaged: \(message). Run `claimledger audit` and restore from a copy that passes."
        }
    }

    /// The process exit status that SPEC.md gives this error.
    public var exitCode: Int32 {
        switch self {
        case .unknownID, .ambiguousID, .missingLedger: return 3
        case .refused, .notALedger, .newerSchema: return 4
        case .busy, .damaged: return 5
        }
    }
}
