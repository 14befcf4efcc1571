"""Turn text-bank templates into post texts for one company: names, products, links, hashtags.

A `Composer` knows one company (its products, site, careers domain, hashtags, competitors) and
fills a template's placeholders from a `random.Random` the caller seeds, so texts are
deterministic. Links are rendered either as X does (``https://t.co/…`` in the text, the target
kept for ``entities.urls``) or plainly (Reddit).
"""

from __future__ import annotations

import random
import re
import string
from dataclasses import dataclass, field
from functools import cache

from crosstalk.config import Company

from . import textbank as tb
from .seeding import base36

LANG_WEIGHTS = (("en", 0.86), ("de", 0.06), ("es", 0.045), ("fr", 0.035))


@dataclass(frozen=True)
class Link:
    """A link in a post: what the text shows (t.co on X) and where it points."""

    shown: str
    expanded: str


@dataclass
class Rendered:
    """A filled template."""

    text: str
    lang: str
    objective: str  # marketing | recruiting | other (earned: the audience it speaks to)
    theme: str
    links: list[Link] = field(default_factory=list)


@cache
def _fields(template: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name)


def industry_of(company: Company) -> str:
    """The industry profile a company's texts use, guessed from its name."""
    name = company.name.lower()
    for words, industry in (
        (("analytic", "data", "insight", "metric"), "analytics"),
        (("freight", "logistic", "cargo", "shipping", "transport"), "logistics"),
        (("verdant", "green", "loop", "eco", "circular", "carbon"), "sustainability"),
    ):
        if any(w in name for w in words):
            return industry
    return "software"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _by_lang(entries: list[tuple[str, str, str]]) -> dict[str, list[tb.Entry]]:
    out: dict[str, list[tb.Entry]] = {}
    for lang, theme, template in entries:
        out.setdefault(lang, []).append((theme, template))
    return out


_OWNED_BANK: dict[str, dict[str, list[tb.Entry]]] = {
    "marketing": {"en": tb.MARKETING_EN, **_by_lang(tb.MARKETING_INTL)},
    "recruiting": {"en": tb.RECRUITING_EN, **_by_lang(tb.RECRUITING_INTL)},
    "other": {"en": tb.OTHER_EN, **_by_lang(tb.OTHER_INTL)},
}
_EARNED_BANK: dict[str, dict[str, list[tb.Entry]]] = {
    "customer": {"en": tb.CUSTOMER_VOICE_EN, **_by_lang(tb.CUSTOMER_VOICE_INTL)},
    "candidate": {"en": tb.CANDIDATE_VOICE_EN, **_by_lang(tb.CANDIDATE_VOICE_INTL)},
    "public": {"en": tb.PUBLIC_VOICE_EN},
}
VOICE_OBJECTIVE = {"customer": "marketing", "candidate": "recruiting", "public": "other"}


class Composer:
    """Fills templates for one company."""

    def __init__(self, company: Company, others: list[Company]) -> None:
        self.company = company
        self.others = [o for o in others if o.key != company.key]
        self.short = company.aliases[0] if company.aliases else company.name.split()[0]
        self.industry = tb.INDUSTRIES[industry_of(company)]
        self.products = [f"{self.short} {s}" for s in self.industry["suffixes"]]
        self.site = f"www.{company.key}.example"
        self.careers = (company.intent.careers_domains or [f"careers.{company.key}.example"])[0]
        compact = re.sub(r"\W+", "", self.short)
        self.tags = company.intent.marketing_hashtags or [f"#{compact}", f"#{compact}{self.industry['suffixes'][0]}"]
        self.rtags = company.intent.recruiting_hashtags or [f"#Join{compact}", f"#{compact}Jobs"]
        self.handles = list(company.x.handles) if company.x else []

    # -- picking templates -----------------------------------------------------------------
    @staticmethod
    def pick_lang(rnd: random.Random) -> str:
        """A post language: mostly English, some German, Spanish, French."""
        u = rnd.random()
        for lang, weight in LANG_WEIGHTS:
            if u < weight:
                return lang
            u -= weight
        return "en"

    def owned(self, objective: str, rnd: random.Random, *, tco: bool, lang: str = "en",
              theme: str | None = None) -> Rendered:
        """An owned post text aimed at `objective` (optionally of one theme)."""
        bank = _OWNED_BANK[objective]
        entries = bank.get(lang) or bank["en"]
        if lang not in bank:
            lang = "en"
        if theme is not None:
            entries = [e for e in entries if e[0] == theme] or entries
        chosen_theme, template = entries[rnd.randrange(len(entries))]
        opener = rnd.choice(tb.OPENERS[objective]) if lang == "en" else ""
        if chosen_theme not in tb.OPENER_THEMES.get(opener, (chosen_theme,)):
            opener = ""  # "Hiring!" on a culture post reads wrong
        closer = rnd.choice(tb.CLOSERS[objective])
        return self._fill(opener + template + closer, rnd, tco=tco, lang=lang, objective=objective,
                          theme=chosen_theme, voice=None)

    def reply(self, objective: str, rnd: random.Random, *, tco: bool) -> Rendered:
        """A short reply by a company account (support, or a recruiter answering)."""
        if objective == "recruiting":
            theme, template = rnd.choice(tb.RECRUITING_REPLIES)
        else:
            theme, template = rnd.choice([e for e in tb.OTHER_EN if e[0] == "support"])
        return self._fill(template, rnd, tco=tco, lang="en", objective=objective, theme=theme, voice=None)

    def earned(self, voice: str, rnd: random.Random, *, tco: bool, mention: str,
               other: str | None, lang: str = "en") -> Rendered:
        """A post by the public about this company; `mention` is how it is named."""
        bank = _EARNED_BANK[voice]
        if lang not in bank:
            lang = "en"
        entries = [e for e in bank[lang] if ("{other}" in e[1]) == (other is not None)]
        if not entries:
            # no comparison template in this voice/language: compare in English, or drop the rival
            lang = "en"
            entries = [e for e in bank["en"] if ("{other}" in e[1]) == (other is not None)] or bank["en"]
        theme, template = entries[rnd.randrange(len(entries))]
        opener = rnd.choice(tb.OPENERS["earned"]) if lang == "en" and not template.startswith("{mention}") else ""
        if opener and not opener.rstrip().endswith(":") and template[:1].isupper():
            template = template[0].lower() + template[1:]  # "ok so is it just me…"
        closer = rnd.choice(tb.CLOSERS["earned"])
        return self._fill(opener + template + closer, rnd, tco=tco, lang=lang,
                          objective=VOICE_OBJECTIVE[voice], theme=theme, voice=voice,
                          mention=mention, other=other)

    def reddit_title(self, titles: list[tb.Entry], rnd: random.Random, name: str, other: str | None,
                     theme: str) -> str:
        """A Reddit submission title on `theme` (when one exists) naming the company as `name`."""
        options = [t for _, t in titles if other or "{other}" not in t]
        if other:
            options = [t for t in options if "{other}" in t] or options
        on_theme = [t for th, t in titles if th == theme and t in options]
        return self._fill(rnd.choice(on_theme or options), rnd, tco=False, lang="en", objective="other",
                          theme="community", voice="title", mention=name, other=other).text

    # -- filling -----------------------------------------------------------------------------
    def _fill(self, template: str, rnd: random.Random, *, tco: bool, lang: str, objective: str,
              theme: str, voice: str | None, mention: str = "", other: str | None = None) -> Rendered:
        links: list[Link] = []
        values: dict[str, str] = {}
        industry = self.industry
        for name in _fields(template):
            if name in values:
                continue
            if name in ("url", "jobs_url"):
                target = self._target(name, theme, rnd)
                shown = ("https://t.co/" + base36(rnd.getrandbits(60) | 1 << 59)[-10:]) if tco else target
                links.append(Link(shown, target))
                values[name] = shown
            elif name == "name":
                # Reddit titles name the company as the search query spells it
                values[name] = (mention or self.company.name) if voice == "title" else self.company.name
            elif name == "mention":
                values[name] = mention
            elif name == "other":
                values[name] = other or "the old vendor"
            elif name == "short":
                values[name] = self.short
            elif name in ("product", "product2"):
                values[name] = rnd.choice(self.products)
            elif name in ("feature", "topic", "metric"):
                values[name] = rnd.choice(industry[name + "s"])
            elif name in ("role", "role2"):
                values[name] = rnd.choice(industry["roles"])
            elif name in ("customer", "customer2"):
                values[name] = rnd.choice(tb.CUSTOMERS)
            elif name in ("team", "team2"):
                values[name] = rnd.choice(tb.TEAMS)
            elif name == "tag":
                values[name] = rnd.choice(self.tags)
            elif name == "rtag":
                values[name] = rnd.choice(self.rtags)
            elif lang != "en" and name == "month":
                values[name] = rnd.choice(tb.LOCAL_MONTHS[lang])
            elif lang != "en" and name == "day":
                values[name] = rnd.choice(tb.LOCAL_DAYS[lang])
            else:
                values[name] = _SIMPLE[name](rnd)
        text = template.format(**values)
        return Rendered(" ".join(text.split()), lang, objective, theme, links)

    def _target(self, kind: str, theme: str, rnd: random.Random) -> str:
        number = rnd.randrange(1000, 99999)
        if kind == "jobs_url":
            role = rnd.choice(self.industry["roles"])
            return f"https://{self.careers}/jobs/{_slug(role)}-{number}"
        section = {"product": "product", "expertise": "resources", "event": "events", "news": "news",
                   "support": "status", "community": "community"}.get(theme, "blog")
        return f"https://{self.site}/{section}/{_slug(rnd.choice(self.industry['topics']))}-{number}"


_SIMPLE = {
    "pct": lambda r: str(r.randrange(8, 72)),
    "n": lambda r: str(r.randrange(2, 12)),
    "n2": lambda r: str(r.randrange(12, 240)),
    "big": lambda r: f"{r.randrange(2, 60) * 1000:,}",
    "hours": lambda r: str(r.randrange(3, 40)),
    "year": lambda r: str(r.choice((2025, 2026))),
    "city": lambda r: r.choice(tb.CITIES),
    "person": lambda r: r.choice(tb.PERSONS),
    "event": lambda r: r.choice(tb.EVENTS),
    "day": lambda r: r.choice(tb.DAYS),
    "month": lambda r: r.choice(tb.MONTHS),
    "level": lambda r: r.choice(tb.LEVELS),
}


def strip_hashtags(text: str) -> str:
    """Text without hashtags (Reddit posts rarely carry them)."""
    return " ".join(w for w in text.split() if not w.startswith("#"))


def title_and_body(text: str) -> tuple[str, str]:
    """Split a post text into a Reddit title (first sentence) and the rest."""
    clean = strip_hashtags(text)
    match = re.search(r"(?<=[.!?:])\s", clean)
    if match and 15 <= match.start() <= 160:
        return clean[: match.start()].rstrip(":"), clean[match.end():]
    return clean[:140].rstrip(), clean
