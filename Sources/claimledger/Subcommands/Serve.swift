import ArgumentParser
import Foundation
import LedgerAudit
import LedgerStore
import PostgresLedger
import ReviewerAccess
import TransparencyLog
import WebReview
import WebServer

extension ClaimLedgerCommand {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the web review: a queue, articles with their claims marked, a decision in one click.",
            discussion: """
                Reviewers sign in with the token `claimledger reviewer add NAME` printed; every decision made on the \
                web is recorded under the signed-in reviewer. The CLI and the server can write the same ledger at once.
                Sessions are kept in the ledger's database: restarting the server signs nobody out, and several \
                servers on one ledger file answer for each other.
                Binds to 127.0.0.1 by default; another address is refused until the ledger has a reviewer. To serve a \
                desk over a network, put it behind a TLS reverse proxy (README: "Review in the browser") and pass --secure-cookies.
                An uploaded article may take 30 s plus 20 s per MB to analyse (CLAIMLEDGER_ARTICLE_SECONDS sets \
                another budget); one that overruns is cancelled and not recorded.
                Example: claimledger serve --db desk.sqlite --port 8080
                """)

        @OptionGroup var ledger: LedgerOptions
        @Option(help: "Address to listen on.") var host = "127.0.0.1"
        @Option(help: "Port to listen on (0: any free port, printed).") var port = 8080
        @Flag(help: "Mark the session cookie Secure (set this behind a TLS reverse proxy).") var secureCookies = false
        @Option(
            name: .customLong("checkpoint"), parsing: .singleValue,
            help: ArgumentHelp(
                "A saved checkpoint file (`claimledger checkpoint`) to check the ledger against; repeatable.",
                discussion:
                    "Checked at start and at every audit from the page; every page's footer shows the latest one and whether the ledger holds it."
            ))
        var checkpoints: [String] = []
        @Option(help: "Verifier key (text or file) that must have signed the checkpoints.") var key: String?
        @Option(
            help: ArgumentHelp(
                "The address of the reverse proxy in front of the desk (e.g. 127.0.0.1).",
                discussion:
                    "Requests from it are taken to come from the last address it added to X-Forwarded-For, so failed sign-ins are counted per client; without it every client behind the proxy counts as one. Never set it to an address others can connect from."
            ))
        var trustedProxy: String?

        func validate() throws {
            guard (0...65_535).contains(port) else { throw ValidationError("--port is 0 to 65535.") }
        }

        func run() throws {
            try runReportingErrors {
                let l = try ledger.open(create: true, concurrentReads: true)
                let active = try l.reviewers().filter(\.isActive).count
                if active == 0 && !Self.isLoopback(host) {
                    throw LedgerError.refused(
                        "Refusing to listen on \(host) while the ledger has no reviewer (anyone could reach an empty desk): add one with `claimledger reviewer add NAME`, or serve on 127.0.0.1."
                    )
                }
                if active == 0 {
                    note("No reviewer can sign in yet: add one with `claimledger reviewer add NAME --db \(l.name)`.")
                }
                let saved = try readCheckpoints(checkpoints)
                let desk = Desk(
                    ledger: l, checkpoints: saved, verifier: try key.map { try loadVerifier($0) },
                    articleSeconds: try articleSecondsOverride(),
                    deskState: try ledger.postgres().map { try PostgresDeskState(address: $0) })
                DispatchQueue.global().async { desk.runAudit() }
                let shownHost = host.contains(":") ? "[\(host)]" : host
                try DeskServer.run(
                    desk: desk, host: host, port: port, secureCookies: secureCookies, trustedProxy: trustedProxy
                ) { bound in
                    note("ClaimLedger desk on http://\(shownHost):\(bound)/ for \(l.name) (Ctrl-C stops it)")
                }
            }
        }

        static func isLoopback(_ host: String) -> Bool {
            host == "localhost" || host == "::1" || host.hasPrefix("127.")
        }
    }
}
