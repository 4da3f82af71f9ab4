import Hummingbird
import WebReview

/// The desk's route table: every page and form at its path, behind the middleware it needs.
/// Routes only read their path's parameters and call the desk; the desk draws the answer.
struct DeskRoutes {
    let desk: Desk
    let wire: Wire

    typealias Page = @Sendable (Desk, WebRequest, DeskSession, _ id: String) throws -> WebResponse

    func register(on router: Router<DeskContext>) {
        let desk = desk
        let wire = wire
        router.add(middleware: ServerTiming())
        router.add(middleware: NoPage(desk: desk, wire: wire))
        router.add(middleware: QueryFields(wire: wire))
        router.get("desk.css") { _, _ in wire.response(Desk.asset(.stylesheet)) }
        router.get("desk.js") { _, _ in wire.response(Desk.asset(.script)) }
        router.get("favicon.ico") { _, _ in Response(status: .notFound) }
        router.get("login") { request, context in wire.response(desk.loginPage(wire.request(request, context))) }
        router.group().add(middleware: FormBody(desk: desk, wire: wire, limit: Desk.loginFormLimit))
            .post("login") { request, context in
                let web = wire.request(request, context)
                guard let form = Self.decoded(SignInForm.self, context) else { return wire.response(Desk.unreadable()) }
                return wire.response(try await blocking { desk.answer(web, nil) { try desk.signIn(form, web) } })
            }
        let signedIn = router.group().add(middleware: SignedIn(desk: desk, wire: wire))
        pages(signedIn)
        forms(signedIn.group().add(middleware: FormBody(desk: desk, wire: wire, limit: Desk.formLimit)))
        signedIn.group().add(middleware: FormBody(desk: desk, wire: wire, limit: Desk.largestUpload))
            .post("ingest", use: handler("", { d, r, s, _ in try d.ingest(r, s) }))
    }

    private func pages(_ group: RouterGroup<DeskContext>) {
        group.get("/", use: handler("", { d, r, s, _ in try d.queuePage(r, s) }))
        group.get("sources", use: handler("", { d, _, s, _ in try d.sourcesPage(s) }))
        group.get("s/{id}", use: handler("id", { d, r, s, id in try d.articlePage(id, r, s) }))
        group.get("c/{id}", use: handler("id", { d, r, s, id in try d.claimPage(id, r, s) }))
        group.get("ingest", use: handler("", { d, _, s, _ in d.ingestPage(s, message: nil) }))
        group.get("reports", use: handler("", { d, r, s, _ in try d.reportsPage(r, s) }))
        group.get("report.{format}", use: handler("format", { d, r, s, format in try d.report(format, r, s) }))
    }

    private func forms(_ group: RouterGroup<DeskContext>) {
        group.post("c/{id}/decide", use: handler(DecisionForm.self) { d, r, s, id, f in try d.decide(id, f, r, s) })
        group.post("c/{id}/note", use: handler(NoteForm.self) { d, r, s, id, f in try d.addNote(id, f, r, s) })
        group.post(
            "c/{id}/speaker", use: handler(SpeakerForm.self) { d, r, s, id, f in try d.correctSpeaker(id, f, r, s) })
        group.post(
            "c/{id}/attribution",
            use: handler(AttributionForm.self) { d, r, s, id, f in try d.checkAttribution(id, f, r, s) })
        group.post("c/{id}/assign", use: handler(AssignmentForm.self) { d, r, s, id, f in try d.assign(id, f, r, s) })
        group.post(
            "s/{id}/correct",
            use: handler(SourceCorrectionForm.self) { d, r, s, id, f in try d.correctSource(id, f, r, s) })
        group.post("logout", use: handler("", { d, r, s, _ in try d.signOut(r, s) }))
        group.post("audit", use: handler("", { d, _, _, _ in d.audit() }))
    }

    /// A form of a signed-in reviewer at `…/{id}/…`, its body decoded into its own type
    /// (`FormBody` has read it and checked its CSRF token).
    private func handler<Form: DeskForm>(
        _ type: Form.Type,
        _ page: @escaping @Sendable (Desk, WebRequest, DeskSession, String, Form) throws -> WebResponse
    ) -> @Sendable (Request, DeskContext) async throws -> Response {
        { request, context in
            guard let form = Self.decoded(Form.self, context) else { return wire.response(Desk.unreadable()) }
            return try await respond(request, context, id: context.parameters.get("id") ?? "") { d, r, s, id in
                try page(d, r, s, id, form)
            }
        }
    }

    /// A page or form of a signed-in reviewer: `parameter` names the path's part it reads (or "").
    private func handler(_ parameter: String, _ page: @escaping Page)
        -> @Sendable (Request, DeskContext)
        async throws -> Response
    {
        { request, context in
            try await respond(
                request, context, id: parameter.isEmpty ? "" : context.parameters.get(parameter) ?? "", page)
        }
    }

    /// Runs a page of the signed-in reviewer on the pool for blocking work and sends its answer.
    private func respond(_ request: Request, _ context: DeskContext, id: String, _ page: @escaping Page)
        async throws -> Response
    {
        let desk = desk
        let web = wire.request(request, context)
        guard let session = context.session else { return wire.response(desk.signedOut(web)) }
        return wire.response(try await blocking { desk.answer(web, session) { try page(desk, web, session, id) } })
    }

    /// A form's body decoded into its type by Hummingbird's `URLEncodedFormDecoder`, or nil when
    /// it does not fit the type (answered 400).
    private static func decoded<Form: DeskForm>(_ type: Form.Type, _ context: DeskContext) -> Form? {
        try? URLEncodedFormDecoder().decode(Form.self, from: context.formText)
    }
}
