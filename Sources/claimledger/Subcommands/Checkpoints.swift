import ArgumentParser
import Foundation
import LedgerAudit
import LedgerStore
import Reports
import TransparencyLog

/// Reads a file that must exist, with a sentence naming the fix when it does not.
/// A small text file (a checkpoint, a key): read only up to `limit` bytes, so a huge file given by
/// mistake is refused at once instead of read whole.
func readTextFile(_ path: String, what: String, limit: Int = 1 << 20) throws -> String {
    guard let handle = FileHandle(forReadingAtPath: path) else {
        throw LedgerError.refused("Cannot read \(what) \(path); check the path.")
    }
    defer { try? handle.close() }
    let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
    guard data.count <= limit else {
        throw LedgerError.refused(
            "\(path) is larger than a \(what) can be (over \(limit / 1024) KiB); give the file `claimledger` wrote. Nothing was read further."
        )
    }
    guard let text = String(data: data, encoding: .utf8) else {
        throw LedgerError.refused("Cannot read \(what) \(path): it is not UTF-8 text.")
    }
    return text
}

/// Saved checkpoint files as `--checkpoint` gives them; a file that is no checkpoint is refused.
func readCheckpoints(_ files: [String]) throws -> [CheckpointAudit.Saved] {
    try files.map { file in try CheckpointAudit.Saved(name: file, text: try readTextFile(file, what: "checkpoint")) }
}

/// A verifier key given as text or as a file holding it. A signer key stands for its verifier,
/// except where the key would be stored (`signerRefused`): a secret must never enter the ledger.
func loadVerifier(_ value: String, signerRefused: Bool = false) throws -> NoteVerifier {
    let text = FileManager.default.fileExists(atPath: value) ? try readTextFile(value, what: "key file") : value
    do { return try NoteVerifier(text: text) } catch {
        if let signer = try? NoteSigner(text: text) {
            if signerRefused {
                throw LedgerError.refused(
                    "\(value) is a signer key, which must stay secret; give its verifier key (the line `claimledger keygen` printed). Nothing was recorded."
                )
            }
            return signer.verifier
        }
        throw LedgerError.refused(
            "\(value) is not a verifier key (name+id+key); use the key printed by `claimledger keygen`.")
    }
}

extension ClaimLedgerCommand {
    struct Keygen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an Ed25519 signing key for checkpoints.",
            discussion: """
                Writes the signer key (keep it secret; file mode 0600) and prints the verifier key, which you \
                publish so anyone can check your checkpoints. The key never enters the ledger.
                Example: claimledger keygen --name factcheck.example/ledger -o ledger.key
                """)

        @Option(help: "The key's name, used as the checkpoints' origin (no spaces, no '+').") var name: String
        @Option(name: .shortAndLong, help: "Where to write the signer key.") var output: String

        func run() throws {
            try runReportingErrors {
                guard !FileManager.default.fileExists(atPath: output) else {
                    throw LedgerError.refused(
                        "\(output) already exists; ClaimLedger will not overwrite a key. Choose another -o path.")
                }
                let signer: NoteSigner
                do { signer = try NoteSigner(name: name) } catch {
                    throw LedgerError.refused("Invalid key name \(name): \(error).")
                }
                let fd = open(output, O_WRONLY | O_CREAT | O_EXCL, 0o600)
                guard fd >= 0 else {
                    throw LedgerError.refused("Cannot create \(output): \(String(cString: strerror(errno))).")
                }
                let bytes = Array((signer.text + "\n").utf8)
                let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                close(fd)
                guard written == bytes.count else { throw LedgerError.refused("Could not write \(output) completely.") }
                out(signer.verifier.text + "\n")
                note("Wrote the signer key to \(output) (mode 0600). Publish the verifier key above.")
            }
        }
    }

    struct Checkpoint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkpoint",
            abstract: "Print a checkpoint of the ledger: its size and Merkle root, signed with --key.",
            discussion: """
                Keep checkpoints somewhere else (a newsroom chat, an email, a published report). Later, \
                `claimledger audit --checkpoint FILE` proves the ledger still contains exactly what each \
                checkpoint promised: it catches rewritten entries (even with every hash recomputed), a \
                restored older copy, and entries lost with a deleted -wal file. Format: C2SP tlog-checkpoint.
                """)

        @OptionGroup var ledger: LedgerOptions
        @Option(help: "Signer key file from `claimledger keygen` (without it the checkpoint is unsigned).") var key:
            String?
        @Option(help: "Origin line (default: the key's name, else derived from the ledger's first entry).") var origin:
            String?
        @Option(
            name: .shortAndLong,
            help: "Also save the checkpoint in this new file (an existing one is kept; see --force).") var output:
            String?
        @Flag(help: "With -o: replace an existing checkpoint file (it must be a regular file).") var force = false
        @Option(
            help: ArgumentHelp(
                "Also save the checkpoint's tree as C2SP tlog-tiles in this folder (only new tiles are added).",
                discussion: "With them, `audit --checkpoint FILE --tiles DIR` names the first rewritten entry."))
        var tiles: String?

        func run() throws {
            try runReportingErrors {
                let l = try ledger.openEntryLog()
                var signer: NoteSigner?
                if let key {
                    do { signer = try NoteSigner(text: try readTextFile(key, what: "key file")) } catch let error
                        as LedgerError
                    { throw error } catch {
                        throw LedgerError.refused(
                            "\(key) is not a signer key (\(error)); create one with `claimledger keygen`.")
                    }
                }
                let origin = try origin ?? signer?.name ?? l.defaultOrigin()
                let cp: TransparencyLog.Checkpoint
                if let tiles {
                    let leaves: [Merkle.Hash]
                    (cp, leaves) = try l.checkpointAndLeaves(origin: origin)
                    do {
                        let added = try TileDirectory(tiles).write(Tiles.make(leaves: leaves))
                        note("Saved the tree of \(cp.size) entries in \(tiles) (\(added) new tiles).")
                    } catch let error as TileDirectory.WriteError {
                        throw LedgerError.refused("Tiles: \(error)")
                    }
                } else {
                    cp = try l.checkpoint(origin: origin)
                }
                var text = cp.body
                if let signer { text += "\n" + (try signer.signatureLine(for: cp.body)) }
                out(text)
                if let output { try ReportFile.saveNew(text, at: output, replacing: force) }
            }
        }
    }

    struct Prove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print inclusion proofs that a claim's entries are in the ledger at its current size.",
            discussion: """
                JSON (docs/LEDGER-FORMAT.md, "Proofs"): the tree size and root, the checkpoint body, and for each \
                entry about the claim its canonical bytes and audit path. `python3 tools/verify_ledger.py prove FILE` \
                checks it without the database.
                """)

        @OptionGroup var ledger: LedgerOptions
        @Argument(help: "The claim's ID (c-…), or any unique prefix of it.") var id: String
        @Option(help: "Origin line of the checkpoint (default as for `checkpoint`).") var origin: String?

        func run() throws {
            try runReportingErrors {
                let l = try ledger.openForReading()
                let claimID = try l.resolveClaimID(id)
                out(InclusionProofReport.json(try ClaimProofs(ledger: l, claimID: claimID, origin: origin)))
            }
        }
    }
}
