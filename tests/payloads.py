"""Independent readers of recorded payloads: what a test expects, computed straight from the JSON."""

from __future__ import annotations

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
            out.append((it["response"]["status"]["code"], it["response"]["body"]["string"], it["request"]["uri"]))
        return out
    if isinstance(doc, dict) and "status_code" in doc:
        body = doc["body"] if isinstance(doc["body"], str) else json.dumps(doc["body"])
        return [(doc["status_code"], body, doc.get("url"))]
    return [(200, text, None)]


def x_posts(path: Path) -> dict[str, dict]:
    """Tweets in `data` of each successful page, by id (last occurrence wins)."""
    posts: dict[str, dict] = {}
    for status, body, _ in bodies(path):
        if status != 200:
            continue
        data = json.loads(body).get("data")
        items = [data] if isinstance(data, dict) else data or []
        for item in items:
            if "text" in item:
                posts[item["id"]] = item
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
