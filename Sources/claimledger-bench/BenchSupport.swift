import Foundation

// What every figure of the benchmark is measured with: wall time, output, child processes.

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func line(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }

/// Runs a command; returns wall seconds and the child's own peak RSS in MB. The peak comes from
/// /usr/bin/time (wait4's rusage after posix_spawn can report the parent's size, which is large here).
func runProcess(
    _ path: String, _ args: [String], env: [String: String] = [:], stdin: String? = nil,
    stdout: String = "/dev/null", stderr: String? = nil
) -> (seconds: Double, peakMB: Double, status: Int32) {
    let timeOutput = options.work + "/time-\(getpid()).txt"
    let useTime = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")
    let command = useTime ? ["/usr/bin/time", "-f", "%M", "-o", timeOutput, path] + args : [path] + args
    var pid: pid_t = 0
    let argv = command.map { strdup($0) } + [nil]
    var environment = ProcessInfo.processInfo.environment
    for (k, v) in env { environment[k] = v }
    let envp = environment.map { strdup("\($0)=\($1)") } + [nil]
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    if let stdin { posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0) }
    if let stderr { posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawn(&pid, command[0], &actions, nil, argv, envp) == 0 else { return (0, 0, -1) }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let kilobytes =
        (try? String(contentsOfFile: timeOutput, encoding: .utf8))
        .flatMap { Double($0.split(separator: "\n").last.map(String.init) ?? "") } ?? 0
    try? FileManager.default.removeItem(atPath: timeOutput)
    return (elapsed, kilobytes / 1024, status)
}
