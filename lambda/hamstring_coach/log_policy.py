"""What may reach the logs: the skill's own records, never the SDKs' request dumps.

At DEBUG, botocore logs every request and response body: a progress write would put a
person's pain scores, symptom-check result and derived key into the log. Lambda's logging
controls can lower the level of every logger from the environment (AWS_LAMBDA_LOG_LEVEL)
without a code change, so the SDK loggers are pinned to WARNING here, where they only
report failures by type. The skill's own log lines carry names and error types, never
utterances, slot values or health answers (a test captures a whole session to check).
"""

from __future__ import annotations

import logging

SDK_LOGGERS = ("botocore", "boto3", "urllib3", "s3transfer", "ask_sdk_core", "ask_sdk_runtime")


def quiet_sdk_loggers(level: int = logging.WARNING) -> None:
    for name in SDK_LOGGERS:
        logging.getLogger(name).setLevel(level)
