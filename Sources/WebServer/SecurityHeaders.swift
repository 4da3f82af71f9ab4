import HTTPTypes
import Hummingbird
import WebReview

/// Every answer carries the desk's security headers, the framework's own too (a method no route
/// takes, a body over its limit): the desk's pages set them already, and this adds any missing.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return Self.secured(try await next(request, context))
        } catch let error as any HTTPResponseError {
            return Self.secured(try error.response(from: request, context: context))
        }
    }

    static func secured(_ response: Response) -> Response {
        var response = response
        for (name, value) in WebResponse.securityHeaders {
            guard let field = HTTPField.Name(name), response.headers[field] == nil else { continue }
            response.headers[field] = value
        }
        return response
    }
}
