// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ClaimLedger",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "claimledger", targets: ["claimledger"]),
        .library(name: "ClaimExtraction", targets: ["ClaimExtraction"]),
        .library(name: "LedgerStore", targets: ["LedgerStore"]),
    ],
    dependencies: [
        // SQLite access: prepared statements, transactions, busy handling, typed errors.
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        // SHA-256 for the hash chain (and Ed25519 later for checkpoints).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // The command-line interface: subcommands, help, validation, exit code 64 on misuse.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The web review (`claimledger serve`): HTTP/1.1 server, router, cookies, request bodies.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // HTTP header names and fields (Hummingbird's own header types), for the desk's responses.
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // The channel handler that gives the framework's own bare answers the desk's security headers.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        // The ledger on PostgreSQL (issue 32): the wire protocol, authentication, TLS; and its logger type.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // The desk's uploads: multipart/form-data read by a streaming parser.
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        // Article text -> quotes and claims. Pure Swift, no SQLite, no I/O.
        .target(name: "ClaimExtraction"),
        // Matching claims: the normalised words of a claim, Porter stems, ranking (no SQLite, no I/O).
        .target(name: "ClaimMatching"),
        // The SQL that defines the ledger, carried inside the binary.
        .target(
            name: "LedgerSchema",
            path: "Schema",
            resources: [
                .embedInCode("v001_ledger.sql"),
                .embedInCode("v002_speaker_kind.sql"),
                .embedInCode("c002_speaker_kind.sql"),
                .embedInCode("v003_sources_and_verdicts.sql"),
                .embedInCode("c003_sources_and_verdicts.sql"),
                .embedInCode("v004_claim_index.sql"),
                .embedInCode("c004_claim_index.sql"),
                .embedInCode("v005_reviewers.sql"),
                .embedInCode("c005_reviewers.sql"),
                .embedInCode("v006_claim_queue.sql"),
                .embedInCode("c006_claim_queue.sql"),
                .embedInCode("v007_speaker_confidence.sql"),
                .embedInCode("c007_speaker_confidence.sql"),
                .embedInCode("v008_trusted_keys.sql"),
                .embedInCode("c008_trusted_keys.sql"),
                .embedInCode("v009_publisher.sql"),
                .embedInCode("c009_publisher.sql"),
                .embedInCode("v010_attribution.sql"),
                .embedInCode("c010_attribution.sql"),
                .embedInCode("v011_attribution_credit.sql"),
                .embedInCode("c011_attribution_credit.sql"),
                .embedInCode("v012_claims_current.sql"),
                .embedInCode("v013_assignments.sql"),
                .embedInCode("c013_assignments.sql"),
                .embedInCode("v014_claim_matches.sql"),
                .embedInCode("v015_queue_newest_first.sql"),
                .embedInCode("v016_desk_sessions.sql"),
                .embedInCode("v017_queue_ties.sql"),
                .embedInCode("v018_merkle_blocks.sql"),
                .embedInCode("c018_merkle_blocks.sql"),
                .embedInCode("pg001_entry_log.sql"),
                .embedInCode("pgq_entry_log.sql"),
                .embedInCode("pg002_desk_state.sql"),
                .embedInCode("pgq_desk_state.sql"),
                .embedInCode("pg003_typed_rows.sql"),
                .embedInCode("pgq_typed_rows.sql"),
                .embedInCode("c014_claim_matches.sql"),
                .embedInCode("q_audit.sql"),
                .embedInCode("q_replay.sql"),
                .embedInCode("q_ledger.sql"),
            ]
        ),
        // RFC 6962 Merkle trees, proofs, signed notes and checkpoints (no SQLite).
        .target(name: "TransparencyLog", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // One C function: sqlite3_db_config is variadic and cannot be called from Swift.
        .target(name: "CSQLiteDefensive", linkerSettings: [.linkedLibrary("sqlite3")]),
        // Values bound straight to SQLite on the hot write paths (no boxing through GRDB's arguments).
        .target(
            name: "SQLiteBinding",
            dependencies: ["CSQLiteDefensive", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The ledger's search side: the search index, finding and ranking the claims that repeat
        // one, and the matches stored and audited beside the index (all derived data).
        .target(
            name: "LedgerSearch",
            dependencies: ["LedgerSchema", "ClaimMatching", "SQLiteBinding", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The append-only, hash-chained ledger on SQLite.
        .target(
            name: "LedgerStore",
            dependencies: [
                "LedgerSchema", "LedgerSearch", "SQLiteBinding", "CSQLiteDefensive", "TransparencyLog", "ClaimMatching",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Proving the ledger whole: the audit of the chain, the derived tables and the schema, and
        // saved checkpoints against the ledger.
        .target(
            name: "LedgerAudit",
            dependencies: [
                "LedgerStore", "LedgerSchema", "LedgerSearch", "CSQLiteDefensive", "TransparencyLog",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Who may sign in to the desk: reviewers and their login tokens (ledger entries), the
        // desk's sessions and failed sign-ins (beside the ledger, in its database).
        .target(
            name: "ReviewerAccess",
            dependencies: [
                "LedgerStore", "LedgerSchema", "SQLiteBinding", "TransparencyLog",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The ledger's entry log on PostgreSQL: the same entries, hashes and chain as on SQLite; and
        // the web desk's sessions, for every server on the database.
        .target(
            name: "PostgresLedger",
            dependencies: [
                "LedgerStore", "LedgerSchema", "TransparencyLog", "ReviewerAccess", "LedgerAudit",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // Article -> source and claim entries: extraction meets the ledger here.
        .target(name: "ArticleIngest", dependencies: ["ClaimExtraction", "LedgerStore"]),
        // Published fact-checks (schema.org ClaimReview JSON-LD) -> source, claim and verdict entries.
        .target(name: "FactCheckImport", dependencies: ["LedgerStore", .product(name: "GRDB", package: "GRDB.swift")]),
        // Human and machine renderings of ledger data (tables, JSON, CSV, reports).
        .target(name: "Reports", dependencies: ["LedgerStore", "ReviewerAccess", "LedgerAudit", "TransparencyLog", "ClaimMatching", "ClaimExtraction"]),
        // The interactive review session: a queue of claims, one key per decision (terminal-agnostic).
        .target(name: "ReviewSession", dependencies: ["LedgerStore", "Reports"]),
        // The web review's logic and pages: sign-in, sessions, CSRF, forms -> ledger calls, HTML
        // (no HTTP server here: tests call it directly).
        .target(name: "WebReview", dependencies: ["LedgerStore", "ReviewerAccess", "LedgerAudit", "Reports", "ArticleIngest", "ClaimExtraction", "TransparencyLog",
                                                  .product(name: "Crypto", package: "swift-crypto")]),
        // The web review served over HTTP (Hummingbird): routes parse requests, call WebReview, send pages.
        .target(name: "WebServer", dependencies: ["WebReview", .product(name: "Hummingbird", package: "hummingbird"),
                                                  .product(name: "HTTPTypes", package: "swift-http-types"),
                                                  .product(name: "NIOCore", package: "swift-nio"),
                                                  .product(name: "NIOPosix", package: "swift-nio"),
                                                  .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                                                  .product(name: "MultipartKit", package: "multipart-kit")]),
        // The CLI: parses arguments, calls the libraries, prints.
        .executableTarget(
            name: "claimledger",
            dependencies: [
                "ClaimExtraction", "LedgerStore", "LedgerAudit", "Reports", "ArticleIngest", "TransparencyLog", "ReviewSession",
                "FactCheckImport", "WebServer", "PostgresLedger", "ReviewerAccess",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks at newsroom scale: figures for BENCHMARKS.md (no timed tests).
        .executableTarget(
            name: "claimledger-bench",
            dependencies: ["ClaimExtraction", "LedgerStore", "LedgerAudit", "ArticleIngest", "PostgresLedger",
                           .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The extractor's features of sentences, for training its models offline (tools/train/).
        .executableTarget(name: "claimledger-features", dependencies: ["ClaimExtraction"]),
        // Helpers shared by the test targets: temporary ledgers, running the binary.
        .target(name: "TestSupport", dependencies: ["LedgerStore", "LedgerSchema", "ReviewerAccess", "TransparencyLog", "PostgresLedger"]),
        .testTarget(name: "ClaimExtractionTests", dependencies: ["ClaimExtraction", "ArticleIngest", "TestSupport"],
                    resources: [.copy("DevSet"), .copy("Oracle")]),
        .testTarget(name: "LedgerStoreTests", dependencies: ["LedgerStore", "ReviewerAccess", "LedgerAudit", "LedgerSchema", "Reports", "TestSupport", "TransparencyLog",
                                                           .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "LedgerSearchTests", dependencies: ["LedgerSearch", "ClaimMatching", "LedgerStore", "TestSupport",
                                                            .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ClaimMatchingTests", dependencies: ["ClaimMatching", "TestSupport",
                                                               .product(name: "GRDB", package: "GRDB.swift")],
                    resources: [.copy("Oracle")]),
        .testTarget(name: "PostgresLedgerTests", dependencies: ["PostgresLedger", "ReviewerAccess", "LedgerStore", "LedgerAudit", "LedgerSchema", "TestSupport", "TransparencyLog"]),
        .testTarget(name: "TransparencyLogTests", dependencies: ["TransparencyLog"], resources: [.copy("Vectors")]),
        .testTarget(name: "ReviewSessionTests", dependencies: ["ReviewSession", "LedgerStore", "LedgerAudit", "Reports", "TestSupport"]),
        .testTarget(name: "WebTests", dependencies: ["WebReview", "ReviewerAccess", "WebServer", "TestSupport", "LedgerStore", "LedgerAudit", "TransparencyLog",
                                                     .product(name: "HummingbirdTesting", package: "hummingbird"),
                                                     .product(name: "NIOCore", package: "swift-nio")]),
        .testTarget(
            name: "CLITests",
            dependencies: ["claimledger", "TestSupport", "LedgerStore", "LedgerAudit", "LedgerSchema", "Reports", "ReviewSession", "FactCheckImport"]
        ),
    ]
)
