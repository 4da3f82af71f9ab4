import Foundation
import LedgerStore
import ReviewerAccess

extension Desk {
    /// The sign-in form. Its hidden token is also set as a cookie, and the two must agree when the
    /// form comes back (so another site cannot sign a browser in under someone else's token).
    public func loginPage(_ r: WebRequest, message: String? = nil, status: Int = 200) -> WebResponse {
        // The browser's token when it has one (a second tab, or a favicon request that came back
        // here, must not invalidate the form already shown), else a new one.
        let token =
            r.cookies[Self.loginCookie].flatMap { $0.count == 32 && $0.allSatisfy(\.isHexDigit) ? $0 : nil }
            ?? LoginToken.randomHex(bytes: 16)
        let body = """
            <h1>Sign in</h1>\(PageLayout.message(message, error: true))
            <form method="post" action="/login"><input type="hidden" name="login" value="\(token)">\(next(r).map { "<input type=\"hidden\" name=\"next\" value=\"\(PageLayout.h($0))\">" } ?? "")
            <label for="token">Your login token (from <code>claimledger reviewer add NAME</code>)</label>
            <input type="password" id="token" name="token" autocomplete="current-password" required>
            <p><button type="submit">Sign in</button></p></form>
            """
        var response = WebResponse.html(
            PageLayout.page(title: "Sign in", session: nil, state: nil, body: body), status: status)
        response.headers.append(("Set-Cookie", cookie(Self.loginCookie, token, r)))
        return response
    }

    /// A right token signs in whatever came before; a wrong one counts against its client, whose
    /// wrong tokens are answered 429 for a while after too many.
    public func signIn(_ form: SignInForm, _ r: WebRequest) throws -> WebResponse {
        guard let sent = form.login, let expected = r.cookies[Self.loginCookie], !sent.isEmpty,
            LoginToken.constantTimeEqual(sent, expected)
        else {
            return loginPage(
                r, message: "This sign-in form has expired or did not come from this page: enter your token again.",
                status: 403)
        }
        guard let token = form.token,
            let reviewer = try ledger.reviewer(signingInWith: token.trimmingCharacters(in: .whitespaces))
        else {
            if let wait = try limiter.wait(for: r.client) {
                return loginPage(
                    r, message: "Too many failed sign-ins from your address: wait \(wait) s and try again.", status: 429
                )
            }
            try limiter.failed(r.client)
            return loginPage(
                r,
                message:
                    "That token does not sign anyone in (mistyped, or the reviewer was revoked). Ask whoever runs the desk for a new one.",
                status: 401)
        }
        let session = try sessions.open(for: reviewer.name)
        return .redirect(
            SignInForm.entered(form.next).flatMap(Self.returnPath) ?? "/",
            cookies: [cookie(Self.sessionCookie, session.id, r), cookie(Self.loginCookie, "", r, maxAge: 0)])
    }

    /// The sign-in page, remembering the page a signed-out reviewer asked for (`/c/ID` from a link
    /// in a chat returns to that claim after sign-in).
    static func loginPath(returningTo path: String) -> String {
        guard path != "/", returnPath(path) != nil else { return "/login" }
        let encoded =
            path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_.~/")))
            ?? "/"
        return "/login?next=" + encoded
    }

    /// Where to go after signing in: a path of this desk only (never another site), else nil.
    func next(_ r: WebRequest) -> String? { r.field("next").flatMap(Self.returnPath) }

    /// A page sign-in may return to: a path of this desk, never the sign-in or sign-out itself.
    static func returnPath(_ path: String) -> String? {
        guard let path = localPath(path), !path.hasPrefix("/login"), !path.hasPrefix("/logout") else { return nil }
        return path
    }

    /// An uploaded article may be large; the desk refuses what is not article text.
    public static let largestUpload = 16 * 1024 * 1024
}
