import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTPTypes
import WebReview

/// Every answer leaves with the desk's security headers: the desk's pages, the router's own
/// answers (a method no route takes, a body over its limit) and the bare 400 the framework writes
/// for a request it cannot parse, which no middleware sees. A channel handler between the HTTP
/// codec and the server adds any header an answer's head lacks.
final class SecurityHeaders: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .head(var head) = unwrapOutboundIn(data) else {
            context.write(data, promise: promise)
            return
        }
        for (name, value) in WebResponse.securityHeaders {
            guard let field = HTTPField.Name(name), head.headerFields[field] == nil else { continue }
            head.headerFields[field] = value
        }
        context.write(wrapOutboundOut(.head(head)), promise: promise)
    }
}
