"""How sample posts perform: heavy-tailed final metrics, growth with age, timing and per-company taste.

A post's metrics are ``final * growth(age)``: `growth` rises fast in the first hours and
saturates within about a week, so every metric is a non-decreasing function of the observation
time. Finals are lognormal with a rare viral multiplier; they depend on the account's audience,
the post's objective and theme, the hour it went out, and a per-company profile (recruiting and
marketing posts do not perform alike on every channel or for every company).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .seeding import rng_for

OBJECTIVES = ("marketing", "recruiting", "other")

# Relative posting volume by weekday (Mon..Sun): companies post on weekdays, the public every day.
WEEKDAY_OWNED = (1.1, 1.2, 1.2, 1.1, 0.9, 0.3, 0.25)
WEEKDAY_EARNED = (1.0, 1.05, 1.0, 1.0, 0.95, 0.8, 0.85)

THEME_EFFECT = {
    "product": 1.0, "expertise": 0.8, "event": 0.9, "news": 1.3, "community": 1.1,
    "culture": 1.25, "jobs": 0.9, "support": 0.3,
}
VIRAL_RATE = 0.004


def growth(age_hours: float) -> float:
    """Share of a post's final engagement reached at `age_hours` (0 → 0, ~1 after 7 days)."""
    if age_hours <= 0:
        return 0.0
    return 0.85 * (1.0 - math.exp(-age_hours / 6.0)) + 0.15 * (1.0 - math.exp(-age_hours / 48.0))


def hour_effect(local_hour: float) -> float:
    """Engagement multiplier by local posting hour: morning and late-afternoon peaks, dead nights."""
    bump = 0.45 * math.exp(-((local_hour - 9.0) ** 2) / 3.0) + 0.3 * math.exp(-((local_hour - 17.5) ** 2) / 3.0)
    night = 0.35 if local_hour < 6 or local_hour >= 22 else 0.0
    return 1.0 + bump - night


@dataclass(frozen=True)
class Profile:
    """One company's taste: how its posts perform per (channel, objective), and how much it is discussed."""

    performance: dict[tuple[str, str], float]
    buzz: dict[str, float]
    recruiting_share: float  # share of recruiting posts on its main accounts


def company_profile(seed: int, key: str, is_focus: bool) -> Profile:
    """The deterministic profile of company `key`."""
    rng = rng_for(seed, "profile", key)
    performance = {
        (channel, objective): float(math.exp(rng.normal(0.0, 0.45)))
        for channel in ("x", "reddit")
        for objective in OBJECTIVES
    }
    if is_focus:
        # a built-in finding: the focus company's recruiting content works on X, not on Reddit
        performance[("x", "recruiting")] *= 1.8
        performance[("reddit", "recruiting")] *= 0.55
    buzz = {channel: float(math.exp(rng.normal(0.0, 0.3))) for channel in ("x", "reddit")}
    return Profile(performance, buzz, float(rng.uniform(0.12, 0.3)))


def owned_hours(rng: np.random.Generator, n: int, utc_offset_h: float) -> np.ndarray:
    """UTC hours-of-day for company posts: office hours in the company's time zone, some scheduled at night."""
    local = np.clip(rng.normal(11.0, 2.8, n), 6.5, 21.5)
    anytime = rng.random(n) < 0.12
    local = np.where(anytime, rng.uniform(0, 24, n), local)
    return np.mod(local - utc_offset_h, 24.0)


def earned_hours(rng: np.random.Generator, n: int) -> np.ndarray:
    """UTC hours-of-day for public posts: an evening peak over a flat base."""
    evening = np.mod(rng.normal(18.5, 3.5, n), 24.0)
    flat = rng.uniform(0, 24, n)
    return np.where(rng.random(n) < 0.6, evening, flat)


def heavy_tail(rng: np.random.Generator, mu: np.ndarray, sigma: float) -> np.ndarray:
    """Lognormal draws around exp(mu), with a rare viral x15..x150."""
    values = np.exp(mu + rng.normal(0.0, sigma, mu.size))
    viral = rng.random(mu.size) < VIRAL_RATE
    return np.where(viral, values * rng.uniform(15, 150, mu.size), values)
