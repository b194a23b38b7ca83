import LambdaCostCore

extension Store {
    /// Stores aggregated bill lines of a source (one reused statement, inside the caller's transaction).
    public func insertBillLines(_ lines: [BillLine], sourceID: Int64) throws {
        let s = try database.statement(
            """
            INSERT INTO bill_lines (source_id, day, payer, account, region, service, function_id, resource, usage_type,
              operation, line_item_type, unit, usage_amount, unblended_cost, amortized_cost, net_cost, row_count)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
            """)
        for l in lines {
            try s.bind([
                .int(sourceID), .int(l.day), .text(l.payer), .text(l.account), .text(l.region), .text(l.service),
                SQLValue(l.functionID), .text(l.resource), .text(l.usageType), .text(l.operation), .text(l.lineItemType),
                .text(l.unit), .double(l.usageAmount), .double(l.unblendedCost), .double(l.amortizedCost),
                .double(l.netCost), .int(l.rowCount),
            ])
            try s.step()
        }
    }

    /// Stores aggregated cost allocation tag lines of a source.
    public func insertBillTags(_ tags: [BillTag], sourceID: Int64) throws {
        let s = try database.statement(
            """
            INSERT INTO bill_tags (source_id, day, service, function_id, tag_key, tag_value, unblended_cost,
              amortized_cost, net_cost)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            """)
        for t in tags {
            try s.bind([
                .int(sourceID), .int(t.day), .text(t.service), SQLValue(t.functionID), .text(t.key), .text(t.value),
                .double(t.unblendedCost), .double(t.amortizedCost), .double(t.netCost),
            ])
            try s.step()
        }
    }

    /// Records that a source is one complete CUR delivery (from its manifest).
    public func insertBillDelivery(payer: String, billingPeriod: Month, assemblyID: String, sourceID: Int64) throws {
        try database.run(
            "INSERT INTO bill_deliveries (payer, billing_period, assembly_id, source_id) VALUES (?1, ?2, ?3, ?4)",
            [.text(payer), .text(billingPeriod.description), .text(assemblyID), .int(sourceID)])
    }

    /// Deletes the bill lines and tags of every other source for this payer and billing period:
    /// a complete delivery replaces what came before it (BRIEF §1), it is not added.
    /// - Returns: how many bill lines were deleted.
    @discardableResult
    public func replaceBillData(payer: String, billingPeriod: Month, keepingSource sourceID: Int64) throws -> Int {
        let (from, to) = Self.dayRange(billingPeriod)
        let sources = try database.rows(
            "SELECT DISTINCT source_id FROM bill_lines WHERE payer = ?1 AND day >= ?2 AND day < ?3 AND source_id != ?4",
            [.text(payer), .int(from), .int(to), .int(sourceID)]
        ) { $0.int64(0) }
        var deleted = 0
        for source in sources {
            try database.run(
                "DELETE FROM bill_lines WHERE source_id = ?1 AND payer = ?2 AND day >= ?3 AND day < ?4",
                [.int(source), .text(payer), .int(from), .int(to)])
            deleted += database.changes
            try database.run(
                "DELETE FROM bill_tags WHERE source_id = ?1 AND day >= ?2 AND day < ?3", [.int(source), .int(from), .int(to)])
        }
        return deleted
    }

    /// Months that have bill lines, ascending.
    public func billMonths() throws -> [Month] {
        var months: [Month] = []
        for day in try database.rows("SELECT DISTINCT day FROM bill_lines ORDER BY 1", [], { $0.int64(0) }) {
            let m = Month(containingEpochSeconds: day * 86_400)
            if months.last != m { months.append(m) }
        }
        return months
    }

    /// The latest month with bill lines, or nil when there is none.
    public func latestBillMonth() throws -> Month? {
        guard let day = try database.scalarInt("SELECT MAX(day) FROM bill_lines") else { return nil }
        return Month(containingEpochSeconds: Int64(day) * 86_400)
    }

    /// What the bill says for a month, grouped; rows by cost descending, then key.
    /// - Parameters:
    ///   - account: only lines of this usage account.
    ///   - region: only lines of this Region.
    /// Tag grouping reads `bill_tags`, which keeps no account or Region: callers reject those
    /// filters with it. Cost no tag value carries is the `(none)` row, so rows always add up to
    /// the month's total.
    public func billSummary(
        month: Month, grouping: BillGrouping, basis: BillCostBasis, account: String? = nil, region: String? = nil
    ) throws -> [BillGroupRow] {
        let (from, to) = Self.dayRange(month)
        var filter = "day >= ?1 AND day < ?2"
        var bindings: [SQLValue] = [.int(from), .int(to)]
        if let account {
            bindings.append(.text(account))
            filter += " AND account = ?\(bindings.count)"
        }
        if let region {
            bindings.append(.text(region))
            filter += " AND region = ?\(bindings.count)"
        }
        let cost = basis.column
        var groups: [String: (cost: Double, usage: Double, unit: String?, mixed: Bool)] = [:]
        func add(_ key: String, _ amount: Double, _ usage: Double, _ unit: String?) {
            var g = groups[key] ?? (0, 0, unit, false)
            g.cost += amount
            g.usage += usage
            if g.unit != unit { g.mixed = true }
            groups[key] = g
        }
        switch grouping {
        case .service, .function, .usageType:
            let column: String
            switch grouping {
            case .service: column = "service"
            case .function: column = "function_id"
            default: column = "usage_type"
            }
            let names = grouping == .function ? try functions() : [:]
            let s = try database.statement(
                "SELECT \(column), unit, SUM(\(cost)), SUM(usage_amount) FROM bill_lines WHERE \(filter) GROUP BY 1, 2")
            try s.bind(bindings)
            while try s.step() {
                let key: String
                switch grouping {
                case .service: key = BillService.displayName(s.string(0) ?? "")
                case .function: key = s.isNull(0) ? "" : names[s.int64(0)]?.description ?? ""
                default: key = s.string(0) ?? ""
                }
                add(key.isEmpty ? "(none)" : key, s.double(2), s.double(3), s.string(1) ?? "")
            }
        case .tag(let key):
            let total = try database.rows("SELECT SUM(\(cost)) FROM bill_lines WHERE \(filter)", bindings) { $0.double(0) }
            var tagged = 0.0
            for (value, amount) in try database.rows(
                "SELECT tag_value, SUM(\(cost)) FROM bill_tags WHERE day >= ?1 AND day < ?2 AND tag_key = ?3 GROUP BY 1",
                [.int(from), .int(to), .text(key)], { ($0.string(0) ?? "", $0.double(1)) })
            {
                tagged += amount
                add(value.isEmpty ? "(none)" : value, amount, 0, nil)
            }
            let untagged = (total.first ?? 0) - tagged
            if groups.isEmpty || abs(untagged) > 1e-9 { add("(none)", untagged, 0, nil) }
        }
        return groups.map { key, g in
            BillGroupRow(
                key: key, cost: g.cost, usageAmount: g.mixed || g.unit == nil ? nil : g.usage, unit: g.mixed ? nil : g.unit)
        }.sorted { ($0.cost, $1.key) > ($1.cost, $0.key) }
    }

    /// The month's billed cost of Lambda and the services around it, per function and cost key
    /// (``BillService/costKey(service:usageType:)``), plus what names no function.
    public func billedCosts(month: Month, basis: BillCostBasis) throws -> BilledCosts {
        let (from, to) = Self.dayRange(month)
        let names = try functions()
        var result = BilledCosts()
        let services = BillService.detailed.sorted().map { "'\($0)'" }.joined(separator: ", ")
        let s = try database.statement(
            """
            SELECT function_id, service, usage_type, SUM(\(basis.column)) FROM bill_lines
            WHERE day >= ?1 AND day < ?2 AND service IN (\(services)) GROUP BY 1, 2, 3
            """)
        try s.bind([.int(from), .int(to)])
        while try s.step() {
            let key = BillService.costKey(service: s.string(1) ?? "", usageType: s.string(2) ?? "")
            if !s.isNull(0), let identity = names[s.int64(0)] {
                result.functions[identity, default: .zero][key] += s.double(3)
            } else {
                result.accountLevel[key] += s.double(3)
            }
        }
        return result
    }

    /// The month's days as [first, end) in days since 1970.
    static func dayRange(_ month: Month) -> (Int64, Int64) {
        (month.startEpochSeconds / 86_400, month.endEpochSeconds / 86_400)
    }
}
