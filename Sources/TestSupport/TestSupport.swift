import Foundation
import LedgerStore

/// A folder that disappears with the test.
public final class TemporaryDirectory: @unchecked Sendable {
    public let url: URL
    public var path: String { url.path }

    public init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("claimledger-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    public func file(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    public func write(_ name: String, _ text: String) -> String {
        let path = file(name)
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) -> String {
        let path = file(name)
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }
}

/// A fresh ledger in its own folder, with a fixed clock. Under `CLAIMLEDGER_TEST_ENGINE=postgres`
/// the file is the local copy of a fresh PostgreSQL database (`TestEngine.open`), so the ledger's
/// own suite runs on both engines; tests of the SQLite file itself are marked `.onTheSQLiteFile`.
public func makeTemporaryLedger(in dir: TemporaryDirectory, name: String = "ledger.sqlite") throws -> Ledger {
    let ledger = try TestEngine.fresh(in: dir, file: name)
    ledger.clock = { Date(timeIntervalSince1970: 1_767_225_600) }  // 2026-01-01T00:00:00Z
    return ledger
}

/// What a finished process printed and returned.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Locates and runs the built `claimledger` executable.
public enum ClaimLedgerBinary {
    /// The executable beside the test bundle (SwiftPM puts both in the same build folder).
    public static var url: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("claimledger")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        // Fallback: the package's debug build folder.
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/claimledger")
    }

    /// Runs `claimledger args…` in `directory`, with `environment` added to a clean one.
    @discardableResult
    public static func run(
        _ args: [String], in directory: String? = nil, environment: [String: String] = [:],
        stdin: Data? = nil
    ) throws -> ProcessResult {
        try runProcess(url, args, in: directory, environment: environment, stdin: stdin)
    }

    /// Runs any program the same way (a clean environment, both pipes read in full).
    public static func runProcess(
        _ executable: URL, _ args: [String], in directory: String? = nil,
        environment: [String: String] = [:], stdin: Data? = nil
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = args
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.environment = cleanEnvironment(adding: environment)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        // A child that exits before reading its input must fail its test, not crash the run (EPIPE).
        if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
        try? input.fileHandleForWriting.close()
        let (outData, errData) = readBoth(out, err)
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The environment a test's program sees: a path, no colour, a reviewer and a home, then `extra`.
    static func cleanEnvironment(adding extra: [String: String]) -> [String: String] {
        var env = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "NO_COLOR": "1",
            "CLAIMLEDGER_REVIEWER": "tester", "HOME": NSTemporaryDirectory(),
        ]
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// Both pipes read to their end at once, so a large output on either cannot block the child.
    static func readBoth(_ out: Pipe, _ err: Pipe) -> (Data, Data) {
        final class Box: @unchecked Sendable { var data = Data() }
        let outBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            outBox.data = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        return (outBox.data, errData)
    }

    /// The package root (for seeds and shared material).
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }
}

/// A small deterministic generator (SplitMix64), so a failure can be replayed from its seed.
public struct SplitMix: RandomNumberGenerator {
    public var state: UInt64
    public init(state: UInt64) { self.state = state }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
