"""The warehouse schema (SQLAlchemy 2 models) and bulk-load helpers."""
