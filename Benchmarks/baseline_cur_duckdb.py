#!/usr/bin/env python3
"""DuckDB baseline for CUR ingest: the same select-and-aggregate job as baseline_cur.py, with
DuckDB's read_csv (multi-threaded) into a DuckDB file. Usage: baseline_cur_duckdb.py CUR.csv[.gz] DB"""
import sys

import duckdb

path, db_path = sys.argv[1], sys.argv[2]
con = duckdb.connect(db_path)
con.execute(
    f"""
    CREATE OR REPLACE TABLE bill_lines AS
    SELECT CAST(epoch(CAST(substr("lineItem/UsageStartDate", 1, 10) AS DATE)) / 86400 AS BIGINT) AS day,
           "lineItem/UsageAccountId" AS account, "product/region" AS region, "lineItem/ProductCode" AS service,
           CASE WHEN "lineItem/ProductCode" IN ('AWSLambda','AmazonCloudWatch','AWSXRay','AWSQueueService')
                THEN coalesce("lineItem/ResourceId", '') ELSE '' END AS resource,
           CASE WHEN "lineItem/ProductCode" IN ('AWSLambda','AmazonCloudWatch','AWSXRay','AWSQueueService')
                THEN "lineItem/UsageType" ELSE '' END AS usage_type,
           CASE WHEN "lineItem/ProductCode" IN ('AWSLambda','AmazonCloudWatch','AWSXRay','AWSQueueService')
                THEN "lineItem/Operation" ELSE '' END AS operation,
           "lineItem/LineItemType" AS line_item_type, "pricing/unit" AS unit,
           sum(CAST("lineItem/UsageAmount" AS DOUBLE)) AS usage_amount,
           sum(CAST("lineItem/UnblendedCost" AS DOUBLE)) AS unblended_cost, count(*) AS row_count
    FROM read_csv('{path}', header = true, all_varchar = true)
    GROUP BY ALL
    """
)
total = con.execute("SELECT sum(unblended_cost), count(*) FROM bill_lines").fetchone()
print(f"duckdb baseline: {total[1]} aggregates, total {total[0]:.6f}")
