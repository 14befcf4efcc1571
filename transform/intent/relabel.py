"""Re-label history from the warehouse with a labeler version, without re-fetching anything."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from sqlalchemy import Engine

from crosstalk.config import Settings
from models.warehouse import read_frame, upsert
from transform.intent import INPUT_COLUMNS, Labeler, default_labeler, label_posts
from transform.intent.registry import set_current_labeler

log = logging.getLogger(__name__)

_PAGE = (
    "select channel, post_id, text, title, author_type, company, account_handle from posts "
    "where (channel > :channel or (channel = :channel and post_id > :post_id)) "
    "order by channel, post_id limit :limit"
)


def relabel_history(
    engine: Engine,
    settings: Settings | None,
    labeler: Labeler | None = None,
    batch_size: int = 50_000,
) -> int:
    """Label every post in `posts` with `labeler` and make its version current; return the count.

    One transaction: pages are read in key order (keyset paging, so memory stays bounded),
    labeled and upserted into `post_labels`, and the version is flipped to current at the end,
    so views switch from the old labels to the complete new set at once, never half-way. Labels
    of other versions are kept, which is what lets analysts compare versions.
    """
    labeler = labeler or default_labeler()
    total = 0
    channel, post_id = "", ""
    labeled_at = datetime.now(UTC)
    with engine.begin() as conn:
        while True:
            page = read_frame(conn, _PAGE, {"channel": channel, "post_id": post_id, "limit": batch_size})
            if page.empty:
                break
            labels = label_posts(page[INPUT_COLUMNS], settings, labeler)
            labels["labeled_at"] = labeled_at
            upsert(conn, "post_labels", labels)
            total += len(page)
            channel, post_id = page["channel"].iloc[-1], page["post_id"].iloc[-1]
            log.info("relabel %s: %d posts", labeler.version, total)
        set_current_labeler(conn, labeler.version)
    return total


def relabel_from_config(config_path: str | None = None, version: str | None = None, batch_size: int = 50_000) -> int:
    """Resolve config, warehouse and labeler version, then `relabel_history` (CLI and DAG entry)."""
    from crosstalk.config import load_settings, warehouse_url
    from models.warehouse import create_schema, make_engine
    from transform.intent import labeler_for_version

    settings = load_settings(config_path)
    engine = make_engine(warehouse_url(settings))
    create_schema(engine)
    try:
        return relabel_history(engine, settings, labeler_for_version(version), batch_size)
    finally:
        engine.dispose()
