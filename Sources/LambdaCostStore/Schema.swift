/// The database schema as forward migrations; `PRAGMA user_version` is the number applied.
/// docs/SCHEMA.md explains each table and why invocations are stored as hourly aggregates.
enum Schema {
    /// Migration `i` takes the schema from version `i` to `i + 1`. Never edit a shipped one:
    /// append a new migration instead.
    static let migrations: [String] = [
        // 1: the walking skeleton and everything the issues known at design time need.
        """
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,
            format TEXT NOT NULL,
            size_bytes INTEGER NOT NULL,
            rows_read INTEGER NOT NULL DEFAULT 0,
            rows_kept INTEGER NOT NULL DEFAULT 0,
            rows_duplicate INTEGER NOT NULL DEFAULT 0,
            rows_rejected INTEGER NOT NULL DEFAULT 0,
            coverage_start_ms INTEGER,
            coverage_end_ms INTEGER,
            coverage TEXT NOT NULL DEFAULT '',
            ingested_at TEXT NOT NULL,
            options TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE functions (
            id INTEGER PRIMARY KEY,
            account TEXT NOT NULL,
            region TEXT NOT NULL,
            name TEXT NOT NULL,
            UNIQUE (account, region, name)
        );
        CREATE TABLE invocation_hours (
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            function_id INTEGER NOT NULL REFERENCES functions(id),
            hour INTEGER NOT NULL,
            memory_mb INTEGER NOT NULL,
            arch TEXT NOT NULL,
            invocations INTEGER NOT NULL,
            billed_ms INTEGER NOT NULL,
            duration_centims INTEGER NOT NULL,
            duration_max_centims INTEGER NOT NULL,
            duration_hist BLOB NOT NULL,
            cold_starts INTEGER NOT NULL,
            init_centims INTEGER NOT NULL,
            init_hist BLOB NOT NULL,
            restores INTEGER NOT NULL,
            billed_restore_ms INTEGER NOT NULL,
            max_memory_mb INTEGER NOT NULL,
            memory_hist BLOB NOT NULL,
            errors INTEGER NOT NULL,
            timeouts INTEGER NOT NULL,
            PRIMARY KEY (source_id, function_id, hour, memory_mb, arch)
        ) WITHOUT ROWID;
        CREATE INDEX invocation_hours_by_function ON invocation_hours (function_id, hour);
        CREATE TABLE request_ids (
            function_id INTEGER NOT NULL REFERENCES functions(id),
            hour INTEGER NOT NULL,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            ids BLOB NOT NULL,
            PRIMARY KEY (function_id, hour, source_id)
        ) WITHOUT ROWID;
        CREATE INDEX request_ids_by_source ON request_ids (source_id);
        CREATE TABLE metric_points (
            function_id INTEGER NOT NULL REFERENCES functions(id),
            metric TEXT NOT NULL,
            stat TEXT NOT NULL,
            period_s INTEGER NOT NULL,
            ts INTEGER NOT NULL,
            value REAL NOT NULL,
            partial INTEGER NOT NULL DEFAULT 0,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            PRIMARY KEY (function_id, metric, stat, period_s, ts)
        ) WITHOUT ROWID;
        CREATE INDEX metric_points_by_source ON metric_points (source_id);
        CREATE TABLE bill_deliveries (
            id INTEGER PRIMARY KEY,
            payer TEXT NOT NULL,
            billing_period TEXT NOT NULL,
            assembly_id TEXT NOT NULL,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE
        );
        CREATE TABLE bill_lines (
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            day INTEGER NOT NULL,
            payer TEXT NOT NULL,
            account TEXT NOT NULL,
            region TEXT NOT NULL,
            service TEXT NOT NULL,
            function_id INTEGER REFERENCES functions(id),
            resource TEXT NOT NULL,
            usage_type TEXT NOT NULL,
            operation TEXT NOT NULL,
            line_item_type TEXT NOT NULL,
            unit TEXT NOT NULL,
            usage_amount REAL NOT NULL,
            unblended_cost REAL NOT NULL,
            amortized_cost REAL NOT NULL,
            net_cost REAL NOT NULL,
            row_count INTEGER NOT NULL
        );
        CREATE INDEX bill_lines_by_day ON bill_lines (day, service);
        CREATE INDEX bill_lines_by_source ON bill_lines (source_id);
        CREATE TABLE bill_tags (
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            day INTEGER NOT NULL,
            service TEXT NOT NULL,
            function_id INTEGER REFERENCES functions(id),
            tag_key TEXT NOT NULL,
            tag_value TEXT NOT NULL,
            unblended_cost REAL NOT NULL,
            amortized_cost REAL NOT NULL,
            net_cost REAL NOT NULL
        );
        CREATE INDEX bill_tags_by_key ON bill_tags (tag_key, day);
        CREATE TABLE function_configs (
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            function_id INTEGER NOT NULL REFERENCES functions(id),
            observed_at_ms INTEGER NOT NULL,
            memory_mb INTEGER,
            timeout_s INTEGER,
            arch TEXT,
            ephemeral_storage_mb INTEGER,
            runtime TEXT,
            package_type TEXT,
            tracing_mode TEXT,
            dlq_target TEXT,
            log_format TEXT,
            log_group TEXT,
            snap_start TEXT,
            reserved_concurrency INTEGER,
            reserved_known INTEGER NOT NULL DEFAULT 0,
            provisioned_concurrency INTEGER,
            PRIMARY KEY (source_id, function_id)
        ) WITHOUT ROWID;
        CREATE TABLE account_settings (
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            account TEXT NOT NULL,
            region TEXT NOT NULL,
            observed_at_ms INTEGER NOT NULL,
            concurrency_limit INTEGER,
            unreserved_concurrency INTEGER,
            PRIMARY KEY (source_id, account, region)
        ) WITHOUT ROWID;
        CREATE TABLE log_groups (
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            account TEXT NOT NULL,
            region TEXT NOT NULL,
            name TEXT NOT NULL,
            function_id INTEGER REFERENCES functions(id),
            observed_at_ms INTEGER NOT NULL,
            retention_days INTEGER,
            stored_bytes INTEGER,
            log_class TEXT,
            PRIMARY KEY (source_id, account, region, name)
        ) WITHOUT ROWID;
        """,
        // 2: monthly roll-ups of invocation_hours, written with them at ingest, so that a month of
        // a thousand functions is a few thousand rows to read instead of ~700,000 hourly ones.
        """
        CREATE TABLE invocation_months (
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            function_id INTEGER NOT NULL REFERENCES functions(id),
            month INTEGER NOT NULL,
            memory_mb INTEGER NOT NULL,
            arch TEXT NOT NULL,
            invocations INTEGER NOT NULL,
            billed_ms INTEGER NOT NULL,
            duration_centims INTEGER NOT NULL,
            duration_max_centims INTEGER NOT NULL,
            duration_hist BLOB NOT NULL,
            cold_starts INTEGER NOT NULL,
            init_centims INTEGER NOT NULL,
            init_hist BLOB NOT NULL,
            restores INTEGER NOT NULL,
            billed_restore_ms INTEGER NOT NULL,
            max_memory_mb INTEGER NOT NULL,
            memory_hist BLOB NOT NULL,
            errors INTEGER NOT NULL,
            timeouts INTEGER NOT NULL,
            timed_out_max_centims INTEGER,
            last_hour INTEGER NOT NULL,
            hourly_invocations BLOB NOT NULL,
            PRIMARY KEY (source_id, function_id, month, memory_mb, arch)
        ) WITHOUT ROWID;
        CREATE INDEX invocation_months_by_month ON invocation_months (month, function_id);
        """,
    ]

    /// The version a fully migrated database has.
    static var currentVersion: Int { migrations.count }
}
