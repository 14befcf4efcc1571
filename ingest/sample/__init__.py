"""The offline `sample` source: deterministic X and Reddit pages in the real API shapes.

    source = SampleSource("x", seed=7, volume=1.0)
    for page in source.pages(ctx): ...

See `source.py` for the timing model, `world.py` for what is generated, `textbank.py` for texts.
"""

from .faults import REDDIT_FAULTS, X_FAULTS
from .posts import Truth
from .source import SampleSource

__all__ = ["REDDIT_FAULTS", "X_FAULTS", "SampleSource", "Truth"]
