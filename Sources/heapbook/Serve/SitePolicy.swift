import Foundation

/// What `heapbook serve` answers to one request, decided without any HTTP library.
///
/// - Only `GET` and `HEAD` (405 otherwise).
/// - Only for the names this machine calls itself: `Host` must be `localhost`, `127.0.0.1`
///   or `[::1]` with the bound port (421 Misdirected Request otherwise, 400 when missing), so
///   a page of another site whose name was re-pointed at 127.0.0.1 (DNS rebinding) reads
///   nothing.
/// - Paths are percent-decoded once; a NUL, a backslash, a `.` or `..` segment, or bad
///   percent-encoding is a 400, a segment starting with `.` a 404. The content type is the
///   one of the file actually read, so `/index.html%00.png` can never be an image.
struct SitePolicy {
    let out: String
    let port: Int
    let state: () -> LiveState

    struct Answer: Equatable {
        var status: Int
        var contentType: String
        var body: Data
    }

    static let types = ["html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
                        "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml", "png": "image/png",
                        "json": "application/json", "txt": "text/plain; charset=utf-8", "woff2": "font/woff2",
                        "ico": "image/x-icon"]

    static func text(_ status: Int, _ message: String) -> Answer {
        Answer(status: status, contentType: "text/plain; charset=utf-8", body: Data((message + "\n").utf8))
    }

    func answer(method: String, target: String, host: String?) -> Answer {
        guard method == "GET" || method == "HEAD" else { return Self.text(405, "method not allowed") }
        guard let host, !host.isEmpty else { return Self.text(400, "missing Host") }
        guard Self.isLocal(host: host, port: port) else { return Self.text(421, "this server answers only for localhost:\(port)") }
        guard let relative = Self.decodedPath(target) else { return Self.text(400, "bad path") }
        switch relative {
        case "/__heapbook/version":
            let body = (try? JSONEncoder().encode(state())) ?? Data("{}".utf8)
            return Answer(status: 200, contentType: "application/json", body: body)
        case "/__heapbook/livereload.js":
            return Answer(status: 200, contentType: "text/javascript; charset=utf-8", body: Data(Self.liveReloadScript.utf8))
        default:
            return file(relative)
        }
    }

    /// `Host` is one of this machine's loopback names, with the bound port (none: port 80).
    static func isLocal(host: String, port: Int) -> Bool {
        let lowered = host.lowercased()
        var name = lowered, portText: Substring? = nil
        if lowered.hasPrefix("[") {
            guard let close = lowered.firstIndex(of: "]") else { return false }
            name = String(lowered[...close])
            let rest = lowered[lowered.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { return false }
                portText = rest.dropFirst()
            }
        } else if let colon = lowered.lastIndex(of: ":") {
            name = String(lowered[..<colon])
            portText = lowered[lowered.index(after: colon)...]
        }
        guard ["localhost", "127.0.0.1", "[::1]"].contains(name) else { return false }
        guard let portText else { return port == 80 }
        return portText.allSatisfy(\.isASCII) && portText.allSatisfy(\.isNumber) && Int(portText) == port
    }

    /// The request target's path, percent-decoded, or nil when it must be refused (400).
    static func decodedPath(_ target: String) -> String? {
        let raw = target.prefix { $0 != "?" && $0 != "#" }
        guard raw.hasPrefix("/"), let decoded = raw.removingPercentEncoding else { return nil }
        guard !decoded.contains("\0"), !decoded.contains("\\"),
              !decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        return decoded
    }

    /// A file of the site; HTML gets the live-reload script before `</body>`.
    func file(_ relative: String) -> Answer {
        var path = relative
        if path.hasSuffix("/") { path += "index.html" }
        let parts = path.split(separator: "/").map(String.init)
        let notFound = Self.text(404, "not found")
        guard let name = parts.last, !parts.contains(where: { $0.hasPrefix(".") }) else { return notFound }
        let full = ([out] + parts).joined(separator: "/")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: full) else { return notFound }
        let ext = name.contains(".") ? String(name.split(separator: ".").last!).lowercased() : ""
        var body = data
        if ext == "html", let html = String(data: data, encoding: .utf8), let end = html.range(of: "</body>", options: .backwards) {
            body = Data(html.replacingCharacters(in: end, with: "<script src=\"/__heapbook/livereload.js\"></script>\n</body>").utf8)
        }
        return Answer(status: 200, contentType: Self.types[ext] ?? "application/octet-stream", body: body)
    }

    static let liveReloadScript = """
    // heapbook serve: reload when the site is rebuilt; show why when a rebuild fails.
    (function () {
      "use strict";
      var seen = null;
      function banner(text) {
        var el = document.getElementById("heapbook-live-error");
        if (!text) { if (el) { el.remove(); } return; }
        if (!el) {
          el = document.createElement("pre");
          el.id = "heapbook-live-error";
          el.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:40vh;overflow:auto;margin:0;padding:1em;z-index:99;background:#3b0d0d;color:#ffdada;font-size:13px;white-space:pre-wrap";
          document.body.appendChild(el);
        }
        el.textContent = text;
      }
      function poll() {
        fetch("/__heapbook/version", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (state) {
          if (seen !== null && state.version !== seen && !state.error) { window.location.reload(); return; }
          seen = state.version;
          banner(state.error);
        }).catch(function () { /* the server is restarting or stopped */ }).then(function () { setTimeout(poll, 250); });
      }
      poll();
    })();
    """
}
