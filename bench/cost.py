"""Monthly AWS cost of running the skill, from measured duration and capacity units.

List prices for US East (N. Virginia), without the free tier, as AWS published them in
2025 (not re-checked against the live pricing pages on the day of the run; check them
before relying on the figures):
- Lambda on arm64: $0.20 per million requests, $0.0000133334 per GB-second (first tier),
  billed per 1 ms; since August 2025 the init phase of a cold start is billed too.
- DynamoDB on-demand (since the price cut of November 2024): $0.125 per million read
  request units, $0.625 per million write request units.
"""

from __future__ import annotations

import math
from typing import Any

PRICES_AS_OF = "2025 list prices"
REGION = "us-east-1"
LAMBDA_REQUEST_USD_PER_MILLION = 0.20
LAMBDA_ARM_USD_PER_GB_SECOND = 0.0000133334
DDB_READ_USD_PER_MILLION = 0.125
DDB_WRITE_USD_PER_MILLION = 0.625
MEMORY_MB = 128
# Lambda gives a function one full vCPU at 1769 MB and a proportional share below that.
FULL_VCPU_MB = 1769


def billed_ms(duration_ms: float) -> int:
    """Lambda bills duration rounded up to the next millisecond."""
    return max(1, math.ceil(duration_ms))


def monthly(
    turns: int,
    billed_ms_per_turn: float,
    own_ms_per_turn: float,
    rcu_per_turn: float,
    wcu_per_turn: float,
    memory_mb: int = MEMORY_MB,
) -> dict[str, Any]:
    """Cost of `turns` turns. The CPU-scaled figure assumes the skill's own time stretches
    by the vCPU share at this memory size while the store's waiting time does not."""
    gb = memory_mb / 1024
    requests = turns / 1e6 * LAMBDA_REQUEST_USD_PER_MILLION
    duration = turns * billed_ms_per_turn / 1000 * gb * LAMBDA_ARM_USD_PER_GB_SECOND
    dynamodb = (
        turns * rcu_per_turn / 1e6 * DDB_READ_USD_PER_MILLION
        + turns * wcu_per_turn / 1e6 * DDB_WRITE_USD_PER_MILLION
    )
    scale = max(1.0, FULL_VCPU_MB / memory_mb)
    scaled_ms = own_ms_per_turn * scale + max(0.0, billed_ms_per_turn - own_ms_per_turn)
    scaled_duration = turns * math.ceil(scaled_ms) / 1000 * gb * LAMBDA_ARM_USD_PER_GB_SECOND
    return {
        "turns": turns,
        "memory_mb": memory_mb,
        "billed_ms_per_turn": billed_ms_per_turn,
        "billed_ms_per_turn_cpu_scaled": float(math.ceil(scaled_ms)),
        "lambda_requests_usd": requests,
        "lambda_duration_usd": duration,
        "lambda_usd": requests + duration,
        "dynamodb_usd": dynamodb,
        "total_usd": requests + duration + dynamodb,
        "total_usd_cpu_scaled": requests + scaled_duration + dynamodb,
        "prices": {
            "as_of": PRICES_AS_OF,
            "region": REGION,
            "lambda_request_usd_per_million": LAMBDA_REQUEST_USD_PER_MILLION,
            "lambda_arm_usd_per_gb_second": LAMBDA_ARM_USD_PER_GB_SECOND,
            "dynamodb_read_usd_per_million_units": DDB_READ_USD_PER_MILLION,
            "dynamodb_write_usd_per_million_units": DDB_WRITE_USD_PER_MILLION,
        },
    }
