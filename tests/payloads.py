"""Independent readers of recorded payloads: what a test expects, computed straight from the JSON."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import yaml


def bodies(path: Path) -> list[tuple[int, str, str | None]]:
    """(status, body text, url) of each GET response recorded in a file, token exchanges excluded."""
    text = path.read_text(encoding="utf-8")
    try:
        doc = json.loads(text)
    except ValueError:
        doc = yaml.safe_load(text)
    if isinstance(doc, dict) and "interactions" in doc:
        out = []
        for it in doc["interactions"]:
            if it["request"]["method"] != "GET" or "access_token" in it["request"]["uri"]:
                continue
            body = it["response"]["body"]["string"]
            if isinstance(body, bytes):  # tweepy's YAML cassettes keep gzip bytes as !!binary
                body = gzip.decompress(body).decode("utf-8")
            out.append((it["response"]["status"]["code"], body, it["request"]["uri"]))
        return out
    if isinstance(doc, dict) and "status_code" in doc:
        body = doc["body"] if isinstance(doc["body"], str) else json.dumps(doc["body"])
        return [(doc["status_code"], body, doc.get("url"))]
    return [(200, text, None)]


X_METRICS = {  # warehouse column: (v2 public_metrics field, v1.1 status field)
    "likes": ("like_count", "favorite_count"),
    "reposts": ("retweet_count", "retweet_count"),
    "replies": ("reply_count", "reply_count"),
    "quotes": ("quote_count", "quote_count"),
}


def x_posts(path: Path) -> dict[str, dict[str, int | None]]:
    """Posts of each successful page by id (last occurrence wins), as {metric: value or None}.

    v2: tweets in `data`; v1.1: the top-level statuses of a list, `statuses`, or a single status.
    """
    posts: dict[str, dict[str, int | None]] = {}
    for status, body, _ in bodies(path):
        if status != 200:
            continue
        doc = json.loads(body)
        if isinstance(doc, dict) and "data" in doc:
            data = doc["data"]
            for item in [data] if isinstance(data, dict) else data or []:
                if "text" in item:
                    metrics = item.get("public_metrics", {})
                    posts[item["id"]] = {k: metrics.get(v2) for k, (v2, _) in X_METRICS.items()}
            continue
        items = doc.get("statuses", [doc]) if isinstance(doc, dict) else doc
        for item in items:
            if isinstance(item, dict) and "id_str" in item and ("text" in item or "full_text" in item):
                posts[item["id_str"]] = {k: item.get(v1) for k, (_, v1) in X_METRICS.items()}
    return posts


def reddit_posts(path: Path) -> dict[str, dict]:
    """t3 and t1 things anywhere in each successful page (nested replies included), by fullname."""
    posts: dict[str, dict] = {}

    def walk(node: object) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict) and "kind" in node and isinstance(node.get("data"), dict):
            if node["kind"] == "Listing":
                walk(node["data"].get("children", []))
            elif node["kind"] in ("t1", "t3"):
                posts[node["data"]["name"]] = node["data"]
                if isinstance(node["data"].get("replies"), dict):
                    walk(node["data"]["replies"])

    for status, body, _ in bodies(path):
        if status == 200:
            walk(json.loads(body))
    return posts
