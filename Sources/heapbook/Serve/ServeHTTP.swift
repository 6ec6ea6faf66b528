import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// What one connection may cost `heapbook serve`.
///
/// SwiftNIO's parser stops at `maxHead` bytes of header fields (431, then the connection is
/// closed); a connection with no request in progress is closed after `idleTimeout`; when
/// the process runs out of file descriptors, NIO's accept back-off pauses accepting for a
/// second instead of failing, and the connections already open are still served.
struct ServeLimits: Sendable {
    var maxHead = 16 * 1024
    var maxHeaderCount = 100
    var idleTimeout: Double = 30

    /// `HEAPBOOK_SERVE_IDLE_TIMEOUT` (seconds) shortens the idle timeout for tests.
    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> ServeLimits {
        var limits = ServeLimits()
        if let text = environment["HEAPBOOK_SERVE_IDLE_TIMEOUT"], let seconds = Double(text), seconds > 0 {
            limits.idleTimeout = seconds
        }
        return limits
    }
}

enum ServeHTTP {
    /// Serves `site` on 127.0.0.1:`port` until SIGINT or SIGTERM; `ready` gets the bound port.
    static func run(site: LiveSite, port: Int, limits: ServeLimits, ready: @escaping @Sendable (Int) -> Void) async throws {
        let bound = LockedBox(port)
        var logger = Logger(label: "heapbook-serve")
        logger.logLevel = .critical
        let configuration = HTTP1Channel.Configuration(
            additionalChannelHandlers: [HeadTooLargeHandler()],
            idleTimeout: .nanoseconds(Int64(limits.idleTimeout * 1_000_000_000)),
            httpDecoderConfiguration: .init(maxHeaderFieldSize: limits.maxHead, maxHeaderListSize: limits.maxHead,
                                            maxHeaderFieldCount: limits.maxHeaderCount))
        let app = Application(
            responder: SiteResponder(site: site, bound: bound),
            server: .http1(configuration: configuration),
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { channel in
                let actual = channel.localAddress?.port ?? port
                bound.value = actual
                ready(actual)
            },
            logger: logger)
        try await app.runService()  // SIGTERM and SIGINT shut it down gracefully
    }
}

/// Hummingbird's responder: `SitePolicy` decides, this only translates.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let site: LiveSite
    let bound: LockedBox<Int>

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        let answer = SitePolicy(out: site.out, port: bound.value, state: { site.state })
            .answer(method: request.method.rawValue, target: request.head.path ?? "", host: request.head.authority)
        var headers: HTTPFields = [.contentType: answer.contentType, .cacheControl: "no-store"]
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        if answer.status >= 400 { headers[.connection] = "close" }
        let body = request.method == .head ? ByteBuffer() : ByteBuffer(bytes: answer.body)
        if request.method == .head { headers[.contentLength] = String(answer.body.count) }
        return Response(status: .init(code: answer.status), headers: headers, body: .init(byteBuffer: body))
    }
}

/// Answers 431 to a request head over the decoder's limits and closes the connection
/// (Hummingbird alone would answer 400).
final class HeadTooLargeHandler: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parse = error as? HTTPParserError, parse == .headerOverflow else {
            context.fireErrorCaught(error)
            return
        }
        let text = "request header fields too large\n"
        let head = HTTPResponse(status: .init(code: 431, reasonPhrase: "Request Header Fields Too Large"),
                                headerFields: [.contentType: "text/plain; charset=utf-8", .contentLength: String(text.utf8.count),
                                               .connection: "close"])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(ByteBuffer(string: text))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }
}
