import LambdaCostCore

/// Writes one function's log group as a CloudWatch Logs export to S3 does: every line
/// `<ISO timestamp> <message>`, lines in time order, START / app line / END / REPORT (and XRAY)
/// per invocation. Also measures the ingested bytes per hour (message + 26 bytes per event,
/// CloudWatch's billing rule) so that the CUR's log rows match the file.
final class ReportLogWriter {
    private enum Kind: UInt8 { case start, app, timedOut, end }
    private struct Event {
        var time: Int64
        var sequence: Int64
        var kind: Kind
        var invocation: SimulatedInvocation
    }

    private let out: ByteWriter
    private let function: SyntheticFunction
    private let monthStartMs: Int64
    private var pending: [Event] = []
    private var sequence: Int64 = 0
    private var scratch: [UInt8] = []
    /// The app line's filler, built once: per-byte appends dominate debug-build run time.
    private let filler: [UInt8]
    /// Ingested bytes per hour of the month.
    private(set) var ingestBytesPerHour: [Int64]

    init(out: ByteWriter, function: SyntheticFunction, month: Month) {
        self.out = out
        self.function = function
        monthStartMs = month.startEpochSeconds * 1000
        ingestBytesPerHour = Array(repeating: 0, count: month.hours)
        filler = (0..<max(0, function.workload.appLogBytes - 60)).map { UInt8(ascii: "a") + UInt8($0 % 26) }
    }

    /// Queues an hour's invocations and writes every line that falls before the hour's end.
    func add(_ hour: InvocationSimulator.Hour) throws {
        for inv in hour.invocations {
            append(Event(time: inv.startMs, sequence: 0, kind: .start, invocation: inv))
            if function.workload.appLogBytes > 0 {
                append(Event(time: inv.startMs + min(5, inv.durationCenti / 200), sequence: 0, kind: .app, invocation: inv))
            }
            if inv.outcome == .timeout {
                append(Event(time: inv.endMs, sequence: 0, kind: .timedOut, invocation: inv))
            }
            append(Event(time: inv.endMs, sequence: 0, kind: .end, invocation: inv))
        }
        pending.sort { ($0.time, $0.sequence) < ($1.time, $1.sequence) }
        let hourEnd = monthStartMs + Int64(hour.index + 1) * 3_600_000
        let ready = pending.firstIndex { $0.time >= hourEnd } ?? pending.count
        for event in pending[..<ready] { try write(event) }
        pending.removeFirst(ready)
    }

    /// Writes whatever is still queued.
    func finish() throws {
        pending.sort { ($0.time, $0.sequence) < ($1.time, $1.sequence) }
        for event in pending { try write(event) }
        pending.removeAll()
    }

    private func append(_ event: Event) {
        var e = event
        e.sequence = sequence
        sequence += 1
        pending.append(e)
    }

    private func write(_ event: Event) throws {
        let inv = event.invocation
        var messages = 0
        func line(_ build: (inout [UInt8]) -> Void) throws {
            scratch.removeAll(keepingCapacity: true)
            NumberFormat.appendISO(millis: event.time, fraction: true, zulu: true, to: &scratch)
            scratch.append(UInt8(ascii: " "))
            let prefix = scratch.count
            build(&scratch)
            messages += scratch.count - prefix + 26
            scratch.append(UInt8(ascii: "\n"))
            try out.bytes(scratch)
        }
        switch event.kind {
        case .start:
            try line { b in
                b.append(contentsOf: "START RequestId: ".utf8)
                Self.appendUUID(inv, to: &b)
                b.append(contentsOf: " Version: $LATEST".utf8)
            }
        case .app:
            let filler = self.filler
            try line { b in
                Self.appendUUID(inv, to: &b)
                if inv.outcome == .error {
                    b.append(contentsOf: "\tERROR\tInvoke Error \t{\"errorType\":\"Error\",\"errorMessage\":\"upstream call failed\"}".utf8)
                } else {
                    b.append(contentsOf: "\tINFO\t{\"level\":\"info\",\"msg\":\"handled\",\"attempt\":".utf8)
                    NumberFormat.appendInt(Int64(inv.attempt), to: &b)
                    b.append(contentsOf: ",\"detail\":\"".utf8)
                    b.append(contentsOf: filler)
                    b.append(contentsOf: "\"}".utf8)
                }
            }
        case .timedOut:
            try line { b in
                b.append(contentsOf: "RequestId: ".utf8)
                Self.appendUUID(inv, to: &b)
                b.append(contentsOf: " Error: Task timed out after ".utf8)
                NumberFormat.appendCenti(Int64(function.timeoutSeconds) * 100, to: &b)
                b.append(contentsOf: " seconds".utf8)
            }
        case .end:
            try line { b in
                b.append(contentsOf: "END RequestId: ".utf8)
                Self.appendUUID(inv, to: &b)
            }
            try line { b in Self.appendReport(inv, to: &b) }
            if inv.sampled {
                try line { b in
                    b.append(contentsOf: "XRAY TraceId: 1-".utf8)
                    Self.appendHex(UInt64(inv.startMs / 1000), digits: 8, to: &b)
                    b.append(UInt8(ascii: "-"))
                    Self.appendHex(inv.idLow, digits: 16, to: &b)
                    Self.appendHex(inv.idHigh >> 32, digits: 8, to: &b)
                    b.append(contentsOf: "\tSegmentId: ".utf8)
                    Self.appendHex(inv.idHigh ^ inv.idLow, digits: 16, to: &b)
                    b.append(contentsOf: "\tSampled: true".utf8)
                }
            }
        }
        let hour = Int((event.time - monthStartMs) / 3_600_000)
        ingestBytesPerHour[min(max(hour, 0), ingestBytesPerHour.count - 1)] += Int64(messages)
    }

    /// The REPORT message in the real tab-separated form, trailing tab included.
    static func appendReport(_ inv: SimulatedInvocation, to b: inout [UInt8]) {
        b.append(contentsOf: "REPORT RequestId: ".utf8)
        appendUUID(inv, to: &b)
        b.append(contentsOf: "\tDuration: ".utf8)
        NumberFormat.appendCenti(inv.durationCenti, to: &b)
        b.append(contentsOf: " ms\tBilled Duration: ".utf8)
        NumberFormat.appendInt(inv.billedMs, to: &b)
        b.append(contentsOf: " ms\tMemory Size: ".utf8)
        NumberFormat.appendInt(Int64(inv.memoryMB), to: &b)
        b.append(contentsOf: " MB\tMax Memory Used: ".utf8)
        NumberFormat.appendInt(Int64(inv.maxMemoryUsedMB), to: &b)
        b.append(contentsOf: " MB\t".utf8)
        if inv.initCenti > 0 {
            b.append(contentsOf: "Init Duration: ".utf8)
            NumberFormat.appendCenti(inv.initCenti, to: &b)
            b.append(contentsOf: " ms\t".utf8)
        }
        switch inv.outcome {
        case .success: break
        case .timeout: b.append(contentsOf: "Status: timeout\t".utf8)
        case .error: b.append(contentsOf: "Status: error\tError Type: Runtime.ExitError\t".utf8)
        }
    }

    /// A version-4 UUID string built from the invocation's 128 random bits.
    static func appendUUID(_ inv: SimulatedInvocation, to b: inout [UInt8]) {
        let high = (inv.idHigh & 0xffff_ffff_ffff_0fff) | 0x0000_0000_0000_4000
        let low = (inv.idLow & 0x3fff_ffff_ffff_ffff) | 0x8000_0000_0000_0000
        appendHex(high >> 32, digits: 8, to: &b)
        b.append(UInt8(ascii: "-"))
        appendHex((high >> 16) & 0xffff, digits: 4, to: &b)
        b.append(UInt8(ascii: "-"))
        appendHex(high & 0xffff, digits: 4, to: &b)
        b.append(UInt8(ascii: "-"))
        appendHex(low >> 48, digits: 4, to: &b)
        b.append(UInt8(ascii: "-"))
        appendHex(low & 0xffff_ffff_ffff, digits: 12, to: &b)
    }

    static func appendHex(_ value: UInt64, digits: Int, to b: inout [UInt8]) {
        let hex: StaticString = "0123456789abcdef"
        hex.withUTF8Buffer { table in
            for i in stride(from: digits - 1, through: 0, by: -1) {
                b.append(table[Int((value >> (UInt64(i) * 4)) & 15)])
            }
        }
    }
}
