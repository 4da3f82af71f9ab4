import Foundation
import LedgerAudit
import LedgerStore
import Reports
import ReviewerAccess
import Synchronization
import TransparencyLog

/// The web review desk: one ledger, the signed-in reviewers' sessions, and every page and form.
/// Each page and form is a plain function of a `WebRequest` (`DeskEntrances.swift`); the HTTP
/// server routes to them, reads sessions and form bodies in its middleware, and sends the answer.
public final class Desk: Sendable {
    public let ledger: Ledger
    public let sessions: SessionStore
    public let limiter: LoginLimiter
    /// The signed checkpoints the desk was started with (`serve --checkpoint`), and the key that
    /// must have signed them: checked against the ledger at every audit.
    let checkpoints: [CheckpointAudit.Saved]
    let verifier: NoteVerifier?
    /// The time one uploaded article may take to analyse (`CLAIMLEDGER_ARTICLE_SECONDS`); nil: the
    /// default for its size (`ExtractionBudget.seconds(forBytes:)`).
    public let articleSeconds: Double?
    /// The footer's last audit and checkpoint lines, written by an audit while pages read them.
    private let footer: Mutex<(audit: String, checkpoint: String)>

    /// `deskState`: where sessions and failed sign-ins are kept when not in the ledger's own file
    /// (a ledger on PostgreSQL keeps them in the database, for every server).
    public init(
        ledger: Ledger, signInLimit: SignInLimit = SignInLimit(), checkpoints: [CheckpointAudit.Saved] = [],
        verifier: NoteVerifier? = nil, articleSeconds: Double? = nil, deskState: (any DeskStateStore)? = nil
    ) {
        self.ledger = ledger
        sessions = SessionStore(ledger: ledger, state: deskState)
        limiter = LoginLimiter(state: deskState ?? ledger, limit: signInLimit)
        self.checkpoints = checkpoints
        self.verifier = verifier
        self.articleSeconds = articleSeconds
        footer = Mutex(
            (
                "not run yet",
                checkpoints.isEmpty
                    ? "none given (claimledger serve --checkpoint FILE shows one here)" : "not checked yet"
            ))
    }

    static let sessionCookie = "cl_session", loginCookie = "cl_login"
    /// The cookies the desk reads; any other a browser sends is no business of the desk's.
    public static let cookieNames = [sessionCookie, loginCookie]

    /// Runs one page or form of the desk (on a ledger on PostgreSQL, after one catch-up with the
    /// database: its reads do not ask again): a ledger error becomes the page that says why, in the
    /// reviewer's words (`s`: the session already read, else the cookie's); anything else a 500.
    public func answer(_ r: WebRequest, _ s: DeskSession?, _ page: () throws -> WebResponse) -> WebResponse {
        do {
            return try ledger.withOneCatchUp(page)
        } catch let error as LedgerError {
            return errorPage(s ?? (try? liveSession(r)), status: Self.status(of: error), error.localizedDescription)
        } catch {
            return errorPage(nil, status: 500, "The server failed: \(error)")
        }
    }

    static func status(of error: LedgerError) -> Int {
        switch error {
        case .unknownID: return 404
        case .refused, .missing, .rating: return 400
        case .conflict: return 409
        default: return 500
        }
    }

    /// The session of the request's cookie, if its reviewer is still active (a revoked reviewer's
    /// sessions end at their next request).
    public func liveSession(_ r: WebRequest) throws -> DeskSession? {
        try sessions.session(r.cookies[Self.sessionCookie])
    }

    func cookie(_ name: String, _ value: String, _ r: WebRequest, maxAge: Int? = nil) -> String {
        var c = "\(name)=\(value); Path=/; HttpOnly; SameSite=Strict"
        if let maxAge { c += "; Max-Age=\(maxAge)" }
        if r.secure { c += "; Secure" }
        return c
    }

    /// The ledger's size, head, last audit and checkpoint, for every page's footer.
    func state() -> LedgerState? {
        guard let head = try? ledger.head() else { return nil }
        return footer.withLock {
            LedgerState(entries: head.seq, headHash: head.hash, audit: $0.audit, checkpoint: $0.checkpoint)
        }
    }

    /// Audits the whole ledger now, and checks it against the desk's checkpoints; keeps both
    /// results for the footer.
    public func runAudit(now: Date = Date()) {
        var line: String
        var checkpoint: String? = nil
        do {
            let outcome = try ledger.auditAll(AuditRequest(checkpoints: checkpoints, verifier: verifier))
            let report = outcome.report
            line =
                (report.passed ? "passed" : "FAILED (\(report.problem.map { "\($0)" } ?? "?"))")
                + " at \(Self.stamp(now)), \(report.entryCount) entries"
            checkpoint = Self.checkpointLine(outcome)
        } catch {
            line = "could not run: \(error.localizedDescription)"
            if !checkpoints.isEmpty { checkpoint = "could not be checked: \(error.localizedDescription)" }
        }
        footer.withLock {
            $0.audit = line
            if let checkpoint { $0.checkpoint = checkpoint }
        }
    }

    /// The footer's checkpoint line: the latest checkpoint's standing, what is wrong with them, or
    /// why they were not judged (nil: the desk has none).
    static func checkpointLine(_ outcome: AuditOutcome) -> String? {
        guard outcome.checkpoints > 0 else { return nil }
        guard outcome.checkpointsJudged else { return "not checked: the ledger's own audit failed" }
        return outcome.standing?.line ?? "FAILED: " + outcome.checkpointProblems.joined(separator: " ")
    }

    static func stamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    func errorPage(_ s: DeskSession?, status: Int, _ message: String) -> WebResponse {
        let body =
            "<h1>\(status == 404 ? "Not found" : status == 403 ? "Refused" : "Not done")</h1>"
            + PageLayout.message(message, error: true)
            + "<p><a href=\"/\">Back to the queue</a></p>"
        return .html(
            PageLayout.page(title: "Error", session: s, state: s == nil ? nil : state(), body: body), status: status)
    }
}
