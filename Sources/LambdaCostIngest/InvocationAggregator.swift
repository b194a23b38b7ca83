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

        /// Records an id; false when it was seen before.
        mutating func insert(_ id: UInt64) -> Bool {
            guard seen.insert(id).inserted else { return false }
            kept.append(id)
            return true
        }
    }

    private let store: Store
    // Aggregates in arrays with a hash index; consecutive lines usually share a key, so the
    // last key and slot are remembered and most lines hash nothing but their request id.
    private var slots: [InvocationHour] = []
    private var slotKeys: [Key] = []
    private var slotIndex: [Key: Int] = [:]
    private var lastKey: Key?
    private var lastSlot = 0
    private var idSlots: [HourIDs] = []
    private var idKeys: [HourKey] = []
    private var idIndex: [HourKey: Int] = [:]
    private var lastHourKey: HourKey?
    private var lastIDSlot = 0
    /// Per function, the hours earlier sources have request ids for (loaded once per function).
    private var coveredHours: [Int64: Set<Int64>] = [:]
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
        let idSlot: Int
        if hk == lastHourKey {
            idSlot = lastIDSlot
        } else if let known = idIndex[hk] {
            idSlot = known
        } else {
            // First line of this function-hour: where earlier sources covered it, load their ids.
            var fresh = HourIDs()
            if coveredHours[functionID] == nil { coveredHours[functionID] = try store.requestIDHours(functionID: functionID) }
            if coveredHours[functionID]!.contains(hour) {
                for h in try store.requestIDHashes(functionID: functionID, hour: hour) { fresh.seen.insert(h) }
            }
            idSlot = idSlots.count
            idSlots.append(fresh)
            idKeys.append(hk)
            idIndex[hk] = idSlot
        }
        lastHourKey = hk
        lastIDSlot = idSlot
        guard idSlots[idSlot].insert(r.requestIDHash) else {
            duplicates += 1
            return false
        }
        kept += 1
        if firstMs == nil || millis < firstMs! { firstMs = millis }
        if lastMs == nil || millis > lastMs! { lastMs = millis }

        let key = Key(functionID: functionID, hour: hour, memoryMB: r.memoryMB, arch: arch)
        let slot: Int
        if key == lastKey {
            slot = lastSlot
        } else if let known = slotIndex[key] {
            slot = known
        } else {
            slot = slots.count
            slots.append(InvocationHour(hour: hour, memoryMB: r.memoryMB, arch: arch))
            slotKeys.append(key)
            slotIndex[key] = slot
        }
        lastKey = key
        lastSlot = slot
        let timedOutEarlier = r.status == .success && !timedOut.isEmpty && timedOut.contains(r.requestIDHash)
        slots[slot].add(r, timedOut: timedOutEarlier)
        return true
    }

    /// Writes every aggregate and the kept request ids under `sourceID`.
    func flush(sourceID: Int64) throws {
        let order = slotKeys.indices.sorted {
            let a = slotKeys[$0]
            let b = slotKeys[$1]
            return (a.functionID, a.hour, a.memoryMB, a.arch.rawValue) < (b.functionID, b.hour, b.memoryMB, b.arch.rawValue)
        }
        for i in order {
            try store.insertInvocationHour(slots[i], functionID: slotKeys[i].functionID, sourceID: sourceID)
        }
        try store.insertMonthRollups(order.map { (slotKeys[$0].functionID, slots[$0]) }, sourceID: sourceID)
        for (i, key) in idKeys.enumerated() where !idSlots[i].kept.isEmpty {
            try store.insertRequestIDHashes(idSlots[i].kept, functionID: key.functionID, hour: key.hour, sourceID: sourceID)
        }
    }
}

extension InvocationHour {
    /// Adds one REPORT record to this hour's aggregate.
    @inline(__always)
    mutating func add(_ r: ReportLine, timedOut: Bool) {
        invocations += 1
        billedMs += r.billedMs
        durationCentiMs += r.durationCentiMs
        if r.durationCentiMs > durationMaxCentiMs { durationMaxCentiMs = r.durationCentiMs }
        durations.add(Double(r.durationCentiMs) / 100)
        if let initCenti = r.initCentiMs {
            coldStarts += 1
            initCentiMs += initCenti
            initDurations.add(Double(initCenti) / 100)
        }
        if r.restoreCentiMs != nil || r.billedRestoreMs != nil {
            restores += 1
            billedRestoreMs += r.billedRestoreMs ?? 0
        }
        if r.maxMemoryUsedMB > maxMemoryUsedMB { maxMemoryUsedMB = r.maxMemoryUsedMB }
        memoryUsed.add(r.maxMemoryUsedMB)
        switch timedOut ? .timeout : r.status {
        case .success: break
        case .error: errors += 1
        case .timeout:
            errors += 1  // CloudWatch's Errors metric counts timeouts too
            timeouts += 1
        }
    }
}
