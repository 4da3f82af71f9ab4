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
    /// The file has ClaimLedger's tables but its header no longer says so: it was altered.
    case alteredHeader(path: String, applicationID: Int32)
    /// The path is a folder, a device, a pipe or a socket, not a file a ledger can live in.
    case notAFile(path: String)
    /// The claim changed since the caller looked (another reviewer decided or corrected it
    /// meanwhile); nothing was recorded. Each front end words it for its own users.
    case conflict(Conflict)
    /// Something a decision, note or correction needs was not given; nothing was recorded.
    case missing(MissingInput)
    /// A rating label that cannot go with this decision; nothing was recorded.
    case rating(RatingRefusal)
    /// The publisher's details cannot be used as given; nothing was recorded.
    case publisher(PublisherRefusal)
    /// An attribution check that cannot be made; nothing was recorded.
    case attribution(AttributionRefusal)
    /// An assignment to someone who cannot take it; nothing was recorded.
    case assignment(AssignmentRefusal)
    /// A file given as a saved checkpoint is not one (`reason`: what its reading said); the ledger
    /// was not judged on it.
    case notACheckpoint(file: String, reason: String)
    /// A database server (PostgreSQL) could not be reached or refused the connection or a query;
    /// `address` is the URL without its password.
    case unreachable(address: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .missingLedger(let path) where path.hasPrefix("postgres"):
            return
                "No ledger in \(path) yet. Run `claimledger init --db \(path)` or `claimledger ingest FILE` to create one, or fill it from an SQLite ledger with `claimledger copy --from FILE --to \(path)`."
        case .missingLedger(let path):
            return
                "No ledger at \(path). Run `claimledger init --db \(path)` or `claimledger ingest FILE` to create one, or pass --db PATH."
        case .notALedger(let path):
            return
                "\(path) is not a ClaimLedger database; ClaimLedger will not touch it. Choose another file with --db PATH."
        case .newerSchema(let found, let known):
            return
                "This ledger has schema version \(found), but this claimledger knows only up to \(known). Upgrade claimledger to read it."
        case .unknownID(let id):
            return "No claim or source matches ID \(id). Run `claimledger list` to see the IDs."
        case .ambiguousID(let id, let candidates):
            return
                "ID \(id) is ambiguous; it matches \(candidates.joined(separator: ", ")). Type more characters of the ID."
        case .refused(let message):
            return message
        case .busy(let path):
            return
                "The ledger \(path) is busy: another claimledger process held it longer than the wait allows. Nothing was written; run the command again (or raise CLAIMLEDGER_BUSY_TIMEOUT)."
        case .damaged(let message):
            return "The ledger is damaged: \(message). Run `claimledger audit` and restore from a copy that passes."
        case .alteredHeader(let path, let id):
            return
                "\(path) has ClaimLedger's tables, but its header's application_id is \(String(format: "0x%08X", UInt32(bitPattern: id))) instead of 0x434C4C47 (\"CLLG\"): the file was altered outside ClaimLedger. Audit failed; nothing was read or written. Restore it from a copy that passes `claimledger audit`."
        case .notAFile(let path):
            return
                "\(path) is not a regular file (a folder, device, pipe or socket); a ledger is a file. Choose a file path with --db PATH. Nothing was created."
        case .conflict(let c):
            return c.commandLineDescription
        case .missing(let m):
            return m.commandLineDescription
        case .rating(let r):
            return r.commandLineDescription
        case .publisher(let p):
            return p.commandLineDescription
        case .attribution(let a):
            return a.commandLineDescription
        case .assignment(let a):
            return a.commandLineDescription
        case .notACheckpoint(let file, let reason):
            return
                "\(file) is not a checkpoint (\(reason)); give a file `claimledger checkpoint` wrote. The ledger itself was not judged."
        case .unreachable(let address, let reason):
            return
                "The database \(address) could not be used: \(reason). Check that the server runs and that the address, user and password are right. Nothing was written."
        }
    }

    /// The process exit status that SPEC.md gives this error.
    public var exitCode: Int32 {
        switch self {
        case .unknownID, .ambiguousID, .missingLedger: return 3
        case .alteredHeader: return 1
        case .refused, .notALedger, .newerSchema, .notAFile, .conflict, .missing, .rating, .publisher, .attribution,
            .assignment, .notACheckpoint:
            return 4
        case .busy, .damaged, .unreachable: return 5
        }
    }
}

/// What a caller expected of a claim and what the ledger holds instead.
public struct Conflict: Sendable, Equatable {
    public enum Field: Sendable, Equatable {
        case status, speaker, attribution, assignment
        /// A field of a source (`claim` is then the source's short ID).
        case source(SourceField)
    }
    /// The claim's short ID.
    public var claim: String
    public var field: Field
    public var expected: String?
    public var found: String?
    /// The change that made it so (nil when the value is the one extraction recorded).
    public var by: String?
    public var at: String?
    public var entry: Int64?

    /// The CLI's words (it names the flag that asked for the check).
    var commandLineDescription: String {
        let change = entry.map { " (entry \($0), by \(by ?? "?") at \(at ?? "?"))" } ?? ""
        switch field {
        case .status:
            return
                "\(claim) is \(found ?? "unverified")\(change), not \(expected ?? "unverified") as --expect-status says: someone decided it meanwhile. Nothing was recorded; look at it with `claimledger show \(claim)`."
        case .attribution:
            let now = found.flatMap(AttributionVerdict.init(rawValue:))?.argument ?? "not checked"
            return
                "\(claim)'s attribution is now \(now)\(change), not \(expected.flatMap(AttributionVerdict.init(rawValue:))?.argument ?? "not checked") as --expect says: someone checked it meanwhile. Nothing was recorded; look at it with `claimledger show \(claim)`."
        case .assignment:
            return
                "\(claim) is now \(found.map { "with \($0)" } ?? "with nobody")\(change), not \(expected.map { "with \($0)" } ?? "with nobody") as --expect says: someone assigned it meanwhile. Nothing was recorded; look at it with `claimledger show \(claim)`."
        case .source(let field):
            return
                "\(claim)'s \(field.rawValue) is now \(found.map { "“\($0)”" } ?? "none")\(change), not \(expected.map { "“\($0)”" } ?? "none"): someone corrected it meanwhile. Nothing was recorded; look at it with `claimledger show \(claim)`."
        case .speaker:
            return
                "\(claim)'s speaker is now \(found.map { "“\($0)”" } ?? "none")\(change), not \(expected.map { "“\($0)”" } ?? "none"): someone corrected it meanwhile. Nothing was recorded; look at it with `claimledger show \(claim)`."
        }
    }
}

/// What was missing, for its front end to ask for in its own words.
public enum MissingInput: Sendable, Equatable {
    /// A verdict's evidence (verify, dispute) or a reason (dismiss, reopen).
    case evidence(for: ClaimStatus)
    case noteText
    case correctionReason
    case reviewerName
    /// An attribution check's evidence (a recording, a transcript, the speaker's office).
    case attributionEvidence
    /// A note or reason that is nothing but claim or source IDs: its text was forgotten.
    case onlyIDs(String)

    var commandLineDescription: String {
        switch self {
        case .evidence(let status) where status == .verified || status == .disputed:
            let verb = status == .verified ? "verify" : "dispute"
            return
                "\(verb) needs evidence: add --evidence with a URL or a citation, e.g. --evidence \"https://example.org/report\". Nothing was recorded."
        case .evidence(let status):
            return
                "\(status == .dismissed ? "dismiss" : "reopen") needs a reason: add --reason, e.g. --reason \"opinion, not a checkable claim\". Nothing was recorded."
        case .noteText: return "The note is empty; give its text, e.g. claimledger note ID \"Called the ministry\"."
        case .correctionReason: return "A correction needs a reason: add --reason \"...\"."
        case .reviewerName: return "No reviewer name: pass --reviewer NAME or set CLAIMLEDGER_REVIEWER."
        case .attributionEvidence:
            return
                "attribution needs evidence of what was said: add --evidence with a recording, a transcript or a source, e.g. --evidence \"https://example.org/transcript\". Nothing was recorded."
        case .onlyIDs(let text):
            return
                "“\(text)” is only IDs, so the note's or reason's text seems forgotten: give the IDs, then the text, e.g. claimledger note c-1a2b3c c-4d5e6f \"Called the ministry\". Nothing was recorded."
        }
    }
}

/// Why a rating label cannot go with a decision.
public enum RatingRefusal: Sendable, Equatable {
    /// No such label on the ledger's scale (the labels it has).
    case unknown(label: String, known: [String])
    /// The label means the other verdict.
    case meansOther(label: String, means: ClaimStatus)
    /// Dismissing or reopening takes no rating.
    case notForDecision(ClaimStatus)

    var commandLineDescription: String {
        switch self {
        case .unknown(let label, let known):
            return
                "No rating \"\(label)\" on this ledger's scale (\(known.map { "\"\($0)\"" }.joined(separator: ", "))); add it with `claimledger ratings add`. Nothing was recorded."
        case .meansOther(let label, let means):
            return
                "The rating \"\(label)\" means \(means.rawValue): use it with `\(means == .verified ? "verify" : "dispute")`. Nothing was recorded."
        case .notForDecision(let status):
            return
                "A rating goes with verify or dispute, not \(status == .dismissed ? "dismiss" : "reopen"). Nothing was recorded."
        }
    }
}
