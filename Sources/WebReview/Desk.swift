import Foundation
import LedgerAudit
import LedgerStore
import Reports
import TransparencyLog

/// The web review desk: one ledger, the signed-in reviewers' sessions, and every page and form.
/// `respond` is the whole of it; the HTTP server only turns the wire into a `WebRequest` and back.
public final class Desk: @unchecked Sendable {
    public let ledger: Ledger
    public let sessions = SessionStore()
    public let limiter: LoginLimiter
    /// The signed checkpoints the desk was started with (`serve --checkpoint`), and the key that
    /// must have signed them: checked against the ledger at every audit.
    let checkpoints: [CheckpointAudit.Saved]
    let verifier: NoteVerifier?
    /// The time one uploaded article may take to analyse (`CLAIMLEDGER_ARTICLE_SECONDS`); nil: the
    /// default for its size (`ExtractionBudget.seconds(forBytes:)`).
    public var articleSeconds: Double?
    private var auditLine = "not run yet"
    private var checkpointLine: String
    private let lock = NSLock()

    public init(
        ledger: Ledger, limiter: LoginLimiter = LoginLimiter(), checkpoints: [CheckpointAudit.Saved] = [],
        verifier: NoteVerifier? = nil
    ) {
        self.ledger = ledger
        self.limiter = limiter
        self.checkpoints = checkpoints
        self.verifier = verifier
        checkpointLine =
            checkpoints.isEmpty ? "none given (claimledger serve --checkpoint FILE shows one here)" : "not checked yet"
    }

    static let sessionCookie = "cl_session", loginCookie = "cl_login"

    /// The desk's stylesheet or script, served from 'self' as the Content-Security-Policy allows.
    static func asset(_ text: String, type: String) -> WebResponse {
        WebResponse(status: 200, headers: [("Content-Type", type + "; charset=utf-8")], body: Array(text.utf8))
    }

    /// Answers one request. A page needs a session; a form also needs the session's CSRF token.
    public func respond(_ request: WebRequest) -> WebResponse {
        var signedIn: DeskSession?
        do {
            switch (request.method, request.path) {
            case ("GET", "/desk.css"): return Desk.asset(PageLayout.stylesheet, type: "text/css")
            case ("GET", "/desk.js"): return Desk.asset(PageLayout.script, type: "text/javascript")
            case ("GET", "/favicon.ico"): return WebResponse(status: 404)
            case ("GET", "/login"): return loginPage(request)
            case ("POST", "/login"): return try signIn(request)
            default: break
            }
            guard let session = try liveSession(request) else {
                if request.method == "GET" { return .redirect(Self.loginPath(returningTo: request.path)) }
                return errorPage(
                    nil, status: 403,
                    "You are not signed in (or your session ended). Sign in again; nothing was recorded.")
            }
            signedIn = session
            if request.method == "POST" {
                guard let sent = request.form["csrf"], LoginToken.constantTimeEqual(sent, session.csrf) else {
                    return errorPage(
                        session, status: 403,
                        "This form is not from this session (its CSRF token is missing or wrong): reload the page and send it again. Nothing was recorded."
                    )
                }
            }
            return try route(request, session)
        } catch let error as LedgerError {
            // The session already read, else (an error before it was read) the cookie's.
            return errorPage(
                signedIn ?? (try? liveSession(request)), status: Self.status(of: error), error.localizedDescription)
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

    private func route(_ r: WebRequest, _ s: DeskSession) throws -> WebResponse {
        let parts = r.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        switch (r.method, parts.count, parts.first) {
        case ("GET", 0, _): return try queuePage(r, s)
        case ("GET", 1, "sources"): return try sourcesPage(s)
        case ("GET", 2, "s"): return try articlePage(parts[1], r, s)
        case ("GET", 2, "c"): return try claimPage(parts[1], r, s)
        case ("POST", 3, "c"): return try claimForm(parts[1], action: parts[2], r, s)
        case ("POST", 3, "s") where parts[2] == "correct": return try correctSource(parts[1], r, s)
        case ("GET", 1, "ingest"): return ingestPage(s, message: nil)
        case ("POST", 1, "ingest"): return try ingest(r, s)
        case ("GET", 1, "reports"): return try reportsPage(r, s)
        case ("GET", 1, let name?) where name.hasPrefix("report."): return try report(String(name.dropFirst(7)), r, s)
        case ("POST", 1, "logout"):
            sessions.close(s.id)
            return .redirect("/login", cookies: [cookie(Self.sessionCookie, "", r, maxAge: 0)])
        case ("POST", 1, "audit"):
            runAudit()
            return .redirect("/")
        default: return errorPage(s, status: 404, "No page at \(r.path). Start from the queue.")
        }
    }

    /// The session of the request's cookie, if its reviewer is still active (a revoked reviewer's
    /// sessions end at their next request).
    func liveSession(_ r: WebRequest) throws -> DeskSession? {
        guard let session = sessions.session(r.cookies[Self.sessionCookie]) else { return nil }
        guard try ledger.reviewers().contains(where: { $0.name == session.reviewer && $0.isActive }) else {
            sessions.closeAll(of: session.reviewer)
            return nil
        }
        return session
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
        return lock.withLock {
            LedgerState(entries: head.seq, headHash: head.hash, audit: auditLine, checkpoint: checkpointLine)
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
        lock.withLock {
            auditLine = line
            if let checkpoint { checkpointLine = checkpoint }
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
