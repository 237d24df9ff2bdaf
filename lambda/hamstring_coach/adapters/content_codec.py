"""How a content item's body is stored: its JSON, zlib-compressed, as DynamoDB Binary.

Why: a cold start reads each content partition with one Query, and DynamoDB returns at most
1 MB a page. The learned models (faq_model, red_flag_model) grow with every retired
evaluation set; as plain JSON the `en` partition passed 1 MB in round 26 and a cold start
took two pages. Compressed it is a fifth of that or less (`make bench` prints the sizes and
the cold start), so the partition is read in one round trip again, and the seed writes fewer
bytes.

Items written before this (a JSON String attribute `body`) are still read, until the next
seed replaces them.

Pure: no AWS here; the repository and the seed put the bytes in the item.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Mapping
from typing import Any

# The attribute that holds the compressed body, and the one older seeds wrote plain JSON to.
BLOB = "blob"
LEGACY_BODY = "body"
# Best compression: the seed runs once a deploy, and decompressing costs the same at any level.
_LEVEL = 9


def encode(body_json: str) -> bytes:
    return zlib.compress(body_json.encode("utf-8"), _LEVEL)


def body_of(item: Mapping[str, Any]) -> Any:
    """The parsed body of a stored content item, whichever way it was written."""
    if BLOB in item:
        return json.loads(zlib.decompress(item[BLOB]["B"]))
    return json.loads(item[LEGACY_BODY]["S"])
