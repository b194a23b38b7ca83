import LambdaCostCore
import LambdaCostStore

/// Folds REPORT records into hourly aggregates per (function, hour, memory, architecture) and
/// drops duplicates: a request id seen earlier in this file, or stored by an earlier source for
/// the same function and hour. Earlier sources' ids are loaded only for the hours this file
/// touches that already have data (coverage overlap), never for the whole database.
final class InvocationAggregator {
    private struct Key: Hashable {
        var functionID: Int64
        var hour: Int64
        var memoryMB: Int
        var arch: Architecture
    }

    private struct HourKey: Hashable {
        var functionID: Int64
        var hour: Int64
    }

    /// Request ids of one function-hour: this file's kept ids and earlier sources' ids.
    private struct HourIDs {
        var kept: [UInt64] = []
        var seen: Set<UInt64> = []
    }

    private let store: Store
    private var hours: [Key: InvocationHour] = [:]
    private var ids: [HourKey: HourIDs] = [:]
    private var lastHourKey: HourKey?
    private(set) var kept = 0
    private(set) var duplicates = 0
    private(set) var firstMs: Int64?
    private(set) var lastMs: Int64?
    /// Request ids marked timed out by a `Task timed out` line before their REPORT line.
    var timedOut: Set<UInt64> = []

    init(store: Store) {
        self.store = store
    }

    /// Adds one record at an instant (ms since 1970). Returns false when it was a duplicate.
    @discardableResult
    func add(_ r: ReportLine, functionID: Int64, millis: Int64, arch: Architecture) throws -> Bool {
        let hour = millis >= 0 ? millis / 3_600_000 : (millis - 3_599_999) / 3_600_000
        let hk = HourKey(functionID: functionID, hour: hour)
        if ids[hk] == nil {
            var fresh = HourIDs()
            for h in try store.requestIDHashes(functionID: functionID, hour: hour) { fresh.seen.insert(h) }
            ids[hk] = fresh
        }
        if ids[hk]!.seen.insert(r.requestIDHash).inserted == false {
            duplicates += 1
            return false
        }
        ids[hk]!.kept.append(r.requestIDHash)
        lastHourKey = hk
        kept += 1
        firstMs = min(firstMs ?? millis, millis)
        lastMs = max(lastMs ?? millis, millis)

        let key = Key(functionID: functionID, hour: hour, memoryMB: r.memoryMB, arch: arch)
        var h = hours.removeValue(forKey: key) ?? InvocationHour(hour: hour, memoryMB: r.memoryMB, arch: arch)
        h.invocations += 1
        h.billedMs += r.billedMs
        h.durationCentiMs += r.durationCentiMs
        h.durationMaxCentiMs = max(h.durationMaxCentiMs, r.durationCentiMs)
        h.durations.add(Double(r.durationCentiMs) / 100)
        if let initCenti = r.initCentiMs {
            h.coldStarts += 1
            h.initCentiMs += initCenti
            h.initDurations.add(Double(initCenti) / 100)
        }
        if r.restoreCentiMs != nil || r.billedRestoreMs != nil {
            h.restores += 1
            h.billedRestoreMs += r.billedRestoreMs ?? 0
        }
        h.maxMemoryUsedMB = max(h.maxMemoryUsedMB, r.maxMemoryUsedMB)
        h.memoryUsed.add(r.maxMemoryUsedMB)
        var status = r.status
        if status == .success, timedOut.contains(r.requestIDHash) { status = .timeout }
        switch status {
        case .success: break
        case .error: h.errors += 1
        case .timeout:
            h.errors += 1  // CloudWatch's Errors metric counts timeouts too
            h.timeouts += 1
        }
        hours[key] = h
        return true
    }

    /// Writes every aggregate and the kept request ids under `sourceID`.
    func flush(sourceID: Int64) throws {
        for (key, h) in hours.sorted(by: { ($0.key.functionID, $0.key.hour, $0.key.memoryMB) < ($1.key.functionID, $1.key.hour, $1.key.memoryMB) }) {
            try store.insertInvocationHour(h, functionID: key.functionID, sourceID: sourceID)
        }
        for (key, value) in ids where !value.kept.isEmpty {
            try store.insertRequestIDHashes(value.kept, functionID: key.functionID, hour: key.hour, sourceID: sourceID)
        }
    }
}
