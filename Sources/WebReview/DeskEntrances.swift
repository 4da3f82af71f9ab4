import Foundation
import LedgerStore
import ReviewerAccess

/// What the desk answers at the doors of its pages and forms, before a page is drawn: the
/// stylesheet and script, a request without a session, a form without its session's token, a body
/// over its limit, a path with no page. The HTTP server's routes and middleware call these; the
/// pages themselves are the other `Desk` functions the routes name.
extension Desk {
    /// The most a form's body may hold: the sign-in form, every other form, an uploaded article.
    public static let loginFormLimit = 16 * 1024, formLimit = 256 * 1024

    /// The desk's stylesheet or script, served from 'self' as the Content-Security-Policy allows.
    public static func asset(_ asset: Asset) -> WebResponse {
        let (text, type) =
            asset == .stylesheet ? (PageLayout.stylesheet, "text/css") : (PageLayout.script, "text/javascript")
        return WebResponse(
            status: 200, headers: [("Content-Type", type + "; charset=utf-8")], body: Array(text.utf8))
    }

    public enum Asset: Sendable { case stylesheet, script }

    /// A request without a live session: a page sends the browser to sign in (and back here after
    /// it); a form is refused, and its body is never read.
    public func signedOut(_ r: WebRequest) -> WebResponse {
        if r.method == "GET" { return .redirect(Self.loginPath(returningTo: r.path)) }
        return errorPage(
            nil, status: 403, "You are not signed in (or your session ended). Sign in again; nothing was recorded.")
    }

    /// The refusal of a form that does not carry its session's CSRF token, or nil when it does.
    public func refusal(ofForm r: WebRequest, _ s: DeskSession) -> WebResponse? {
        if let sent = r.form["csrf"], LoginToken.constantTimeEqual(sent, s.csrf) { return nil }
        return errorPage(
            s, status: 403,
            "This form is not from this session (its CSRF token is missing or wrong): reload the page and send it again. Nothing was recorded."
        )
    }

    /// A form larger than its page accepts.
    public static func tooLarge() -> WebResponse {
        .html(
            "<h1>Too large</h1><p>The form was larger than this page accepts; nothing was recorded.</p>", status: 413)
    }

    /// A form or an address's query that cannot be read: a field sent twice, or an escape no
    /// browser writes.
    public static func unreadable(query: Bool = false) -> WebResponse {
        let what = query ? "This address" : "This form"
        return .html(
            "<h1>Not read</h1><p>\(what) could not be read (a field sent twice, or text not encoded as a browser encodes it). Nothing was recorded. <a href=\"/\">Back to the queue</a></p>",
            status: 400)
    }

    public func notFound(_ r: WebRequest, _ s: DeskSession) -> WebResponse {
        errorPage(s, status: 404, "No page at \(r.path). Start from the queue.")
    }

    /// Sign out: the session ends here and its cookie is cleared.
    public func signOut(_ r: WebRequest, _ s: DeskSession) throws -> WebResponse {
        try sessions.close(s.id)
        return .redirect("/login", cookies: [cookie(Self.sessionCookie, "", r, maxAge: 0)])
    }

    /// The footer's Audit button: audits now, then back to the queue.
    public func audit() -> WebResponse {
        runAudit()
        return .redirect("/")
    }
}

extension Desk {
    /// Whether a request may come in: with the live session of its cookie, or not, with the
    /// answer to give instead (sign in, or the page that says why the reviewers could not be read).
    public enum Door: Sendable {
        case open(DeskSession)
        case closed(WebResponse)
    }

    public func door(_ r: WebRequest) -> Door {
        do {
            guard let session = try liveSession(r) else { return .closed(signedOut(r)) }
            return .open(session)
        } catch {
            return .closed(answer(r, nil) { throw error })
        }
    }
}
