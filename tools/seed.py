"""Seed the content source into a DynamoDB endpoint: `python -m tools.seed [--endpoint URL]`.

Creates the tables when --create-tables is given (local stores); safe to run again.
"""

from __future__ import annotations

import argparse
import json

from hamstring_coach.adapters.content_seed import seed
from hamstring_coach.adapters.dynamo import make_client
from hamstring_coach.adapters.tables import create_tables
from hamstring_coach.settings import Settings
from tools.content_source import load_source


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--endpoint", help="DynamoDB endpoint URL (default: AWS)")
    parser.add_argument("--create-tables", action="store_true")
    parser.add_argument("--json-out", help="also write the parsed source as JSON here")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    if args.endpoint:
        settings = Settings(**{**settings.__dict__, "dynamodb_endpoint": args.endpoint})
    source = load_source()
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as fh:
            json.dump(source, fh, ensure_ascii=False, sort_keys=True)
    client = make_client(settings, sdk_attempts=5)  # offline: let botocore retry too
    if args.create_tables:
        create_tables(client, settings.content_table, settings.progress_table)
    result = seed(client, settings.content_table, source)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
