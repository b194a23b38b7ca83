#!/usr/bin/env python3
"""Baseline for `lambdacost ingest` of a legacy CUR CSV: the same job in plain Python.

Reads the CSV with the standard `csv` module, finds columns by header name, keeps Lambda,
CloudWatch, X-Ray and SQS rows in detail (per day, account, Region, service, resource, usage
type, operation, line item type, unit) and other services as per-service totals, sums usage and
unblended cost, and stores the aggregates in SQLite with `sqlite3` in one transaction — what
LambdaCost's billing ingest does, without its validation. Usage: baseline_cur.py CUR.csv DB
"""
import csv
import sqlite3
import sys
from datetime import datetime, timezone

DETAIL = {"AWSLambda", "AmazonCloudWatch", "AWSXRay", "AWSQueueService"}


def main(path, db_path):
    aggregates = {}
    with open(path, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        col = {name: i for i, name in enumerate(header)}
        i_day = col["lineItem/UsageStartDate"]
        i_acct = col["lineItem/UsageAccountId"]
        i_region = col["product/region"]
        i_service = col["lineItem/ProductCode"]
        i_res = col["lineItem/ResourceId"]
        i_usage_type = col["lineItem/UsageType"]
        i_op = col["lineItem/Operation"]
        i_type = col["lineItem/LineItemType"]
        i_unit = col["pricing/unit"]
        i_amount = col["lineItem/UsageAmount"]
        i_cost = col["lineItem/UnblendedCost"]
        for row in reader:
            start = row[i_day]
            day = int(datetime.strptime(start[:10], "%Y-%m-%d").replace(tzinfo=timezone.utc).timestamp()) // 86400
            service = row[i_service]
            if service in DETAIL:
                key = (day, row[i_acct], row[i_region], service, row[i_res], row[i_usage_type], row[i_op], row[i_type], row[i_unit])
            else:
                key = (day, row[i_acct], row[i_region], service, "", "", "", row[i_type], row[i_unit])
            agg = aggregates.get(key)
            amount = float(row[i_amount] or 0)
            cost = float(row[i_cost] or 0)
            if agg is None:
                aggregates[key] = [amount, cost, 1]
            else:
                agg[0] += amount
                agg[1] += cost
                agg[2] += 1
    db = sqlite3.connect(db_path)
    db.execute(
        "CREATE TABLE IF NOT EXISTS bill_lines (day INTEGER, account TEXT, region TEXT, service TEXT, resource TEXT,"
        " usage_type TEXT, operation TEXT, line_item_type TEXT, unit TEXT, usage_amount REAL, unblended_cost REAL, row_count INTEGER)"
    )
    with db:
        db.executemany(
            "INSERT INTO bill_lines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [k + tuple(v) for k, v in aggregates.items()],
        )
    total = db.execute("SELECT SUM(unblended_cost), COUNT(*) FROM bill_lines").fetchone()
    print(f"python baseline: {len(aggregates)} aggregates, total {total[0]:.6f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
