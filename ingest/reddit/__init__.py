"""reddit package."""
