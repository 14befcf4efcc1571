"""CLI subcommands: each module here has `register(subparsers)`; list it in COMMAND_MODULES."""

COMMAND_MODULES: tuple[str, ...] = (
    "run",
    "replay",
    "report",
    "views",
    "dashboard",
    "label",
    "relabel",
    "intent",
    "bench",
)
