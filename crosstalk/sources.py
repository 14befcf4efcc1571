"""Pick a source implementation by name; nothing downstream knows which one ran."""

from __future__ import annotations

from pathlib import Path

from ingest.base import Channel, ChannelSource

SOURCE_NAMES = ("sample", "live")


class UnknownSource(ValueError):
    """A source name that is not sample, live or replay."""


def make_source(name: str, channel: Channel, seed: int = 7, volume: float = 1.0,
                paths: list[Path] | None = None, company: str | None = None) -> ChannelSource:
    """A ready source: `sample` (offline generator), `live` (needs credentials) or `replay` (files)."""
    if name == "sample":
        from ingest.sample import SampleSource

        return SampleSource(channel, seed=seed, volume=volume)
    if name == "live":
        if channel == "x":
            from ingest.x import XLiveSource

            return XLiveSource.from_environment()
        from ingest.reddit import RedditLiveSource

        return RedditLiveSource.from_environment()
    if name == "replay":
        from ingest.replay import ReplaySource

        return ReplaySource(channel, paths or [], company=company)
    raise UnknownSource(f"unknown source {name!r}: use one of sample, live, replay")
