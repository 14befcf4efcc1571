"""Who posts in the sample data: company accounts, fictional members of the public, subreddits.

Audience sizes (followers, subscribers) are deterministic functions of time that never go down:
a daily series ``base + rate * day + jitter(day)`` with jitter below one day's growth, linearly
interpolated inside a day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache

import numpy as np

from crosstalk.config import Company

from .seeding import base36, mix64, rng_for, snowflake, stable_seed, to_ms, worker_id, x_time
from .textbank import CITIES, LAST_NAMES, PERSONS

_GROWTH_ORIGIN = datetime(2024, 1, 1, tzinfo=UTC)
_DAY_S = 86400.0


def _unit(key: int, day: int) -> float:
    """A deterministic uniform in [0, 1) for (key, day)."""
    return mix64(key ^ (day * 0x9E3779B1)) / 2.0**64


@lru_cache(maxsize=1 << 16)
def _growth_seed(key: str) -> int:
    return stable_seed("growth", key)


@lru_cache(maxsize=1 << 16)
def grown(key: str, base: float, rate: float, when: datetime, floor: int = 0) -> int:
    """An audience size at `when`: grows by about `rate` a day, with noise, never decreasing."""
    seed = _growth_seed(key)
    position = (when - _GROWTH_ORIGIN).total_seconds() / _DAY_S
    day = int(np.floor(position))
    frac = position - day

    def at(d: int) -> float:
        # jitter < 0.9 * rate, so at(d + 1) - at(d) >= 0.1 * rate > 0
        return base + rate * d + 0.9 * rate * _unit(seed, d)

    value = at(day) + (at(day + 1) - at(day)) * frac
    return max(floor, int(value))


@dataclass(frozen=True)
class XAccount:
    """One X user: a company handle or a member of the public."""

    id: str
    username: str
    name: str
    created_at: str
    description: str
    location: str
    verified: bool
    followers_base: float
    followers_rate: float
    following: int
    tweets_base: int
    listed_base: int
    company: str | None = None  # company key for company handles

    def followers(self, when: datetime) -> int:
        """Followers at `when` (non-decreasing in time)."""
        return grown(f"x:{self.username}", self.followers_base, self.followers_rate, when, floor=3)

    def user_object(self, when: datetime) -> dict[str, object]:
        """The v2 user object as returned with the usual ``user.fields``."""
        days = max(0, int((when - _GROWTH_ORIGIN).total_seconds() // _DAY_S))
        user: dict[str, object] = {
            "id": self.id,
            "name": self.name,
            "username": self.username,
            "created_at": self.created_at,
            "description": self.description,
            "protected": False,
            "verified": self.verified,
            "profile_image_url": f"https://pbs.twimg.com/profile_images/{self.id}/avatar_normal.jpg",
            "url": "",
            "public_metrics": {
                "followers_count": self.followers(when),
                "following_count": self.following,
                "tweet_count": self.tweets_base + days * (4 if self.company else 1),
                "listed_count": self.listed_base + days // 20,
            },
        }
        if self.location:
            user["location"] = self.location
        return user


def company_x_accounts(company: Company, seed: int) -> list[XAccount]:
    """The company's configured X handles as accounts (main handle first)."""
    if company.x is None:
        return []
    recruiting = {h.lower() for h in company.intent.recruiting_handles}
    accounts = []
    for position, handle in enumerate(company.x.handles):
        rng = rng_for(seed, "x-account", handle.lower())
        is_jobs = handle.lower() in recruiting
        created_ms = to_ms(datetime(2011 + int(rng.integers(0, 8)), 1, 1, tzinfo=UTC)) + int(rng.integers(0, 360)) * 86_400_000
        followers = float(rng.uniform(1_500, 9_000) if is_jobs else rng.uniform(8_000, 70_000))
        if position and not is_jobs:
            followers /= 3
        name = f"{company.name} Careers" if is_jobs else (company.name if position == 0 else f"{company.name} ({handle})")
        what = "Open roles, life at work and career events" if is_jobs else "Official account"
        accounts.append(
            XAccount(
                id=snowflake(created_ms, worker_id("user", handle.lower()), 0),
                username=handle,
                name=name,
                created_at=x_time(created_ms),
                description=f"{what} of {company.name}.",
                location=str(rng.choice(CITIES)),
                verified=not is_jobs,
                followers_base=followers,
                followers_rate=followers * float(rng.uniform(0.0002, 0.0008)) + 2,
                following=int(rng.integers(80, 900)),
                tweets_base=int(rng.integers(800, 9_000)),
                listed_base=int(rng.integers(20, 400)),
                company=company.key,
            )
        )
    return accounts


_BIOS = [
    "Data nerd. Opinions my own.", "Ops lead. Coffee first.", "Recruiter helping people find good jobs.",
    "CS student, looking for internships.", "Logistics geek and weekend cyclist.", "Product manager.",
    "Tech journalist covering B2B software.", "Analyst. Charts, mostly.", "SRE, on call more than I'd like.",
    "Career coach.", "Founder, building something small.", "Warehouse shift lead.", "", "",
]


@lru_cache(maxsize=8)
def public_x_users(seed: int, size: int = 4000) -> tuple[XAccount, ...]:
    """A fixed pool of fictional X users (heavy-tailed followers) who write earned posts."""
    rng = rng_for(seed, "x-public-users")
    firsts = rng.integers(0, len(PERSONS), size)
    lasts = rng.integers(0, len(LAST_NAMES), size)
    styles = rng.integers(0, 4, size)
    digits = rng.integers(1, 999, size)
    followers = (rng.pareto(1.15, size) * 120 + 5).clip(5, 2_500_000)
    created = rng.integers(to_ms(datetime(2012, 1, 1, tzinfo=UTC)), to_ms(datetime(2024, 6, 1, tzinfo=UTC)), size)
    bios = rng.integers(0, len(_BIOS), size)
    places = rng.integers(0, len(CITIES) + 6, size)
    worker = worker_id(seed, "x-public-users")
    users = []
    for i in range(size):
        first = PERSONS[firsts[i]]
        last = LAST_NAMES[lasts[i]]
        plain_first = first.encode("ascii", "ignore").decode().lower()
        plain_last = last.encode("ascii", "ignore").decode().lower()
        username = [
            f"{plain_first}{plain_last}{digits[i]}",
            f"{plain_first}_{plain_last}",
            f"{plain_last}{plain_first[0]}_{digits[i]}",
            f"the_{plain_first}{digits[i]}",
        ][styles[i]][:15]
        users.append(
            XAccount(
                id=snowflake(int(created[i]), worker, i),
                username=username,
                name=f"{first} {last}",
                created_at=x_time(int(created[i])),
                description=_BIOS[bios[i]],
                location=CITIES[places[i]] if places[i] < len(CITIES) else "",
                verified=bool(followers[i] > 200_000),
                followers_base=float(followers[i]),
                followers_rate=float(followers[i]) * 0.0004,
                following=int(rng.integers(20, 3000)),
                tweets_base=int(rng.integers(50, 40_000)),
                listed_base=int(followers[i] // 400),
            )
        )
    return tuple(users)


@dataclass(frozen=True)
class Redditor:
    """One Reddit account."""

    name: str
    fullname: str  # "t2_..."


def redditor(name: str) -> Redditor:
    """The Reddit account called `name`, with a stable t2_ fullname."""
    return Redditor(name, "t2_" + base36(stable_seed("t2", name.lower()) % 36**8))


_REDDIT_STYLES = ["{f}_{l}", "throwaway_{f}{d}", "{l}{d}", "sleepy_{f}", "{f}{l}_dev", "quiet_{l}_{d}"]


@lru_cache(maxsize=8)
def public_redditors(seed: int, size: int = 3000) -> tuple[Redditor, ...]:
    """A fixed pool of fictional Reddit accounts."""
    rng = rng_for(seed, "reddit-public-users")
    out = []
    for i in range(size):
        first = PERSONS[int(rng.integers(0, len(PERSONS)))].encode("ascii", "ignore").decode()
        last = LAST_NAMES[int(rng.integers(0, len(LAST_NAMES)))].encode("ascii", "ignore").decode()
        style = _REDDIT_STYLES[int(rng.integers(0, len(_REDDIT_STYLES)))]
        name = style.format(f=first, l=last, d=int(rng.integers(1, 9999)))
        out.append(redditor(f"{name}{i % 7 if i >= 2000 else ''}"[:20]))
    return tuple(out)


@dataclass(frozen=True)
class Subreddit:
    """A subreddit and its audience."""

    name: str
    id: str  # base-36 id; the fullname is "t5_" + id
    base: float
    rate: float

    @property
    def fullname(self) -> str:
        """The t5_ fullname."""
        return "t5_" + self.id

    def subscribers(self, when: datetime) -> int:
        """Subscribers at `when` (non-decreasing in time)."""
        return grown(f"r:{self.name.lower()}", self.base, self.rate, when, floor=1)


@lru_cache(maxsize=4096)
def subreddit(name: str, owned: bool = False) -> Subreddit:
    """The subreddit `name`: company subreddits are small, public ones large."""
    rng = rng_for("subreddit", name.lower())
    base = float(rng.uniform(800, 12_000) if owned else rng.uniform(40_000, 2_500_000))
    sub_id = base36(stable_seed("t5", name.lower()) % 36**6)
    return Subreddit(name, sub_id, base, base * float(rng.uniform(0.0002, 0.0008)) + 1)
