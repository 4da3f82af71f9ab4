import Foundation
import LedgerStore
import TestSupport
import Testing

@testable import PostgresLedger

/// A database that refuses writes, as a streaming read replica does (here: a database whose
/// sessions are read-only by default): reads are served, a write is refused with the replica named
/// and recorded nowhere, and a desk will not start on it. Scripts/read_replica.sh tries the same on
/// a real standby.
@Suite("A read-only database (a read replica)", .enabled(if: PostgresTestDatabase.available))
struct ReadOnlyDatabaseTests {
    /// A ledger with one entry, then every later connection to its database read-only.
    func readOnlyLedger() throws -> PostgresAddress {
        let address = try PostgresAddress(try PostgresTestDatabase.fresh())
        let owner = try PostgresLedger(address: address, create: true)
        _ = try owner.append(
            kind: .ratingDefined,
            payload: #"{"label":"Half true","means":"verified","value":3,"reviewer":"ann"}"#)
        try owner.run("ALTER DATABASE \(address.database) SET default_transaction_read_only = on")
        return address
    }

    @Test func readsAreServedAndAWriteIsRefusedNamingTheReplica() throws {
        let address = try readOnlyLedger()
        let replica = try PostgresLedger(address: address, create: false)
        #expect(try replica.head().seq == 1)
        let dir = TemporaryDirectory()
        let copy = try Ledger(path: dir.file("copy.sqlite"), create: true)
        try copy.follow(replica)
        #expect(try copy.head().seq == 1)
        #expect {
            try copy.defineRating("Mostly false", means: .disputed, value: 2, reviewer: "ann")
        } throws: { error in
            guard case LedgerError.refused(let message) = error else { return false }
            return message.contains("read-only replica") && message.contains("primary")
        }
        #expect(try copy.head().seq == 1 && replica.head().seq == 1, "recorded nowhere")
    }

    @Test func aDeskWillNotStartOnIt() throws {
        let address = try readOnlyLedger()
        #expect {
            _ = try PostgresDeskState(address: address)
        } throws: { error in
            guard case LedgerError.refused(let message) = error else { return false }
            return message.contains("read-only replica") && message.contains("serve it from the primary")
        }
    }
}
