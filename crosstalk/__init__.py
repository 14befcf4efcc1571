"""Crosstalk: social listening split by audience (clients vs candidates)."""

__version__ = "0.1.0"
