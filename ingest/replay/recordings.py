"""Read recorded API responses from files, whatever format recorded them.

Understood formats, detected from content (not file names):
- a bare response body (JSON);
- a `{url, status_code, headers, body}` object (body as text or as JSON);
- a vcrpy cassette, JSON or YAML (`interactions[].request/response`, body under `string`).
"""

from __future__ import annotations

import base64
import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import yaml

# Responses that carry credentials, never landed (OAuth token exchanges).
_TOKEN_PATHS = ("/api/v1/access_token", "/oauth2/token", "/oauth/access_token", "/oauth/request_token")
SAFE_HEADERS = {
    "date",
    "content-type",
    "x-rate-limit-limit",
    "x-rate-limit-remaining",
    "x-rate-limit-reset",
    "x-ratelimit-remaining",
    "x-ratelimit-reset",
    "x-ratelimit-used",
    "retry-after",
    "api-version",
}


class RecordingError(ValueError):
    """A file that is not a recorded API response in any understood format."""


@dataclass(frozen=True)
class Recorded:
    """One recorded HTTP exchange."""

    body: str
    status_code: int = 200
    url: str | None = None
    method: str = "GET"
    headers: dict[str, str] = field(default_factory=dict)
    recorded_at: datetime | None = None


def safe_headers(headers: dict[str, Any]) -> dict[str, str]:
    """Only non-secret headers, lower-cased, single-valued."""
    out = {}
    for key, value in (headers or {}).items():
        if key.lower() in SAFE_HEADERS:
            out[key.lower()] = str(value[0] if isinstance(value, list) and value else value)
    return out


def _recorded_time(headers: dict[str, str], fallback: str | None) -> datetime | None:
    for text in (headers.get("date"), fallback):
        if not text:
            continue
        try:
            return parsedate_to_datetime(text)
        except (TypeError, ValueError):
            pass
        try:
            parsed = datetime.fromisoformat(text)
            return parsed if parsed.tzinfo else None
        except ValueError:
            pass
    return None


def _decode_body(body: Any, headers: dict[str, Any]) -> str:
    """Body text from a cassette body, undoing base64/gzip where the recorder kept bytes."""
    if isinstance(body, dict):
        body = body.get("string", body.get("base64_string", ""))
    if body is None:
        return ""
    if isinstance(body, bytes):
        raw = body
    elif isinstance(body, str):
        return body
    else:
        return json.dumps(body)
    encoding = str(safe_headers({"content-encoding": headers.get("content-encoding", "")}) or "")
    for attempt in (lambda b: b, gzip.decompress, lambda b: zlib.decompress(b, 16 + zlib.MAX_WBITS),
                    base64.b64decode):
        try:
            return attempt(raw).decode("utf-8")
        except Exception:  # noqa: BLE001 - try the next decoding
            continue
    raise RecordingError(f"body bytes are not UTF-8, gzip or base64 ({encoding or 'no encoding'})")


def _is_token_exchange(url: str | None) -> bool:
    return bool(url) and any(path in url for path in _TOKEN_PATHS)


def _from_cassette(doc: dict, recorded_at: str | None) -> Iterator[Recorded]:
    for interaction in doc.get("interactions") or []:
        request = interaction.get("request") or {}
        response = interaction.get("response") or {}
        url = request.get("uri") or request.get("url")
        if _is_token_exchange(url):
            continue
        status = response.get("status") or {}
        code = status.get("code") if isinstance(status, dict) else status
        headers = safe_headers(response.get("headers") or {})
        yield Recorded(
            body=_decode_body(response.get("body"), response.get("headers") or {}),
            status_code=int(code or 200),
            url=url,
            method=str(request.get("method") or "GET").upper(),
            headers=headers,
            recorded_at=_recorded_time(headers, interaction.get("recorded_at") or recorded_at),
        )


def read_recordings(path: Path) -> list[Recorded]:
    """Every recorded response in one file, in file order; RecordingError if none is understood."""
    text = path.read_text(encoding="utf-8")
    try:
        doc: Any = json.loads(text)
    except ValueError:
        try:
            doc = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise RecordingError(f"{path}: neither JSON nor YAML ({exc})") from None
    if isinstance(doc, dict) and isinstance(doc.get("interactions"), list):
        return list(_from_cassette(doc, doc.get("recorded_at")))
    if isinstance(doc, dict) and "body" in doc and ("status_code" in doc or "url" in doc):
        if _is_token_exchange(doc.get("url")):
            return []
        body = doc["body"] if isinstance(doc["body"], str) else json.dumps(doc["body"])
        headers = safe_headers(doc.get("headers") or {})
        return [Recorded(body=body, status_code=int(doc.get("status_code") or 200), url=doc.get("url"),
                         headers=headers, recorded_at=_recorded_time(headers, None))]
    if isinstance(doc, (dict, list)):
        return [Recorded(body=text)]
    raise RecordingError(f"{path}: not a recorded API response (expected a JSON body, a "
                         "{url, status_code, headers, body} object or a vcrpy cassette)")


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given, folders expanded to their .json/.yaml/.yml files (sorted, recursive)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in {".json", ".yaml", ".yml"}
                                and p.name != "MANIFEST.json"))
        elif path.exists():
            files.append(path)
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")
    return files
