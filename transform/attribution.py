"""Which company a post belongs to or talks about, and whether the company wrote it.

owned  — written by one of the company's tracked accounts (or, for a replayed dump attributed
         to a company, by the account whose timeline was requested);
earned — anyone else's post about a company: it @-mentions a tracked handle, names the company
         (or an alias), sits in a subreddit the company runs, or was found by a search made for it.
A post can be about several companies (`post_mentions`); `posts.company` is the owner, else the
company the search was made for, else the first company it mentions, else NULL.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from crosstalk.config import Settings
from transform.parsed import MENTION_COLUMNS

MENTION_OUTPUT = ["channel", "post_id", "company", "match"]


def tracked_accounts(settings: Settings) -> pd.DataFrame:
    """One row per configured handle / account / subreddit: channel, handle (lower), company, kind."""
    rows = []
    for company in settings.companies:
        if company.x:
            rows += [("x", h.lower(), company.key, "account") for h in company.x.handles]
        if company.reddit:
            rows += [("reddit", a.lower(), company.key, "account") for a in company.reddit.accounts]
            rows += [("reddit", s.lower(), company.key, "subreddit") for s in company.reddit.subreddits]
    frame = pd.DataFrame(rows, columns=["channel", "handle", "company", "kind"])
    return frame.drop_duplicates(["channel", "handle"])


def _name_pattern(names: list[str]) -> str:
    escaped = sorted({re.escape(n) for n in names if n}, key=len, reverse=True)
    return r"(?i)(?<![\w@])(?:" + "|".join(escaped) + r")(?!\w)"


def attribute(posts: pd.DataFrame, mentions: pd.DataFrame, settings: Settings) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Add `company` and `author_type` to posts; return them with the post × company mentions."""
    if posts.empty:
        return posts.assign(company=pd.Series(dtype=object), author_type=pd.Series(dtype=object)), \
            pd.DataFrame(columns=MENTION_OUTPUT)
    posts = posts.reset_index(drop=True)
    accounts = tracked_accounts(settings)
    owners = accounts[accounts["kind"] == "account"]
    handle = posts["account_handle"].astype("string").str.lower()
    owner = pd.Series(
        pd.DataFrame({"channel": posts["channel"], "handle": handle})
        .merge(owners[["channel", "handle", "company"]], how="left", on=["channel", "handle"])["company"]
        .to_numpy(dtype=object),
        index=posts.index,
    )
    # A dump replayed for a company: the requested timeline's author is that company.
    requested = posts["stream"].eq("owned_posts") & posts["request_company"].notna() & (
        posts["request_account"].astype("string").str.lower().eq(handle)
        | posts["request_account"].astype("string").eq(posts["account_id"].astype("string"))
    ).fillna(False)
    owner = owner.where(owner.notna(), posts["request_company"].where(requested))

    text = posts["title"].fillna("").astype(str) + " " + posts["text"].fillna("").astype(str)
    mentioned = mentions if not mentions.empty else pd.DataFrame(columns=MENTION_COLUMNS)
    matches = []
    for company in settings.companies:
        names = [company.name, *company.aliases]
        handles = accounts.loc[accounts["company"] == company.key]
        by_name = text.str.contains(_name_pattern(names), regex=True)
        x_handles = set(handles.loc[handles["channel"] == "x", "handle"])
        reddit_users = set(handles.loc[(handles["channel"] == "reddit") & (handles["kind"] == "account"), "handle"])
        subs = set(handles.loc[handles["kind"] == "subreddit", "handle"])
        tagged_ids = set(mentioned.loc[mentioned["handle"].isin(x_handles | reddit_users), "post_id"])
        by_handle = posts["post_id"].isin(tagged_ids)
        if x_handles:
            by_handle |= posts["channel"].eq("x") & text.str.contains(
                r"(?i)@(?:" + "|".join(map(re.escape, x_handles)) + r")\b", regex=True)
        in_sub = posts["channel"].eq("reddit") & posts["community"].astype("string").str.lower().isin(subs).fillna(False)
        searched = posts["request_company"].eq(company.key).fillna(False)
        match = np.select(
            [owner.eq(company.key).fillna(False), by_handle, by_name, in_sub, searched],
            ["owned", "handle", "name", "community", "request"],
            default="",
        )
        hit = match != ""
        if hit.any():
            matches.append(pd.DataFrame({
                "channel": posts.loc[hit, "channel"],
                "post_id": posts.loc[hit, "post_id"],
                "company": company.key,
                "match": match[hit],
                "_searched": searched[hit],
            }))
    found = pd.concat(matches, ignore_index=True) if matches else pd.DataFrame(columns=[*MENTION_OUTPUT, "_searched"])
    # Primary company of an earned post: the one the search was for, else the first mentioned.
    primary = (found.sort_values("_searched", ascending=False, kind="stable")
               .drop_duplicates(["channel", "post_id"]).set_index(["channel", "post_id"])["company"])
    keys = pd.MultiIndex.from_arrays([posts["channel"], posts["post_id"]])
    company = owner.where(owner.notna(), pd.Series(primary.reindex(keys).to_numpy(), index=posts.index))
    out = posts.assign(company=company, author_type=np.where(owner.notna(), "owned", "earned"))
    return out, found[MENTION_OUTPUT].drop_duplicates(["channel", "post_id", "company"])
