"""Where the project's data lives: ``models/`` (rules, gazetteers, pipeline config)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from thinc.api import Config


@lru_cache(maxsize=1)
def models_dir() -> Path:
    """``$GBEXTRACT_MODELS`` if set, else the ``models/`` folder beside the package. Read once per process
    (rules ask for their word lists per token); ``reload()`` reads it again."""
    configured = os.environ.get("GBEXTRACT_MODELS", "")
    return Path(configured) if configured else Path(__file__).resolve().parent.parent / "models"


@lru_cache(maxsize=1)
def lexicon_dir() -> str:
    """``models/lexicon``, as the key the lexicon's caches are kept under."""
    return str(models_dir() / "lexicon")


def reload() -> None:
    """Read ``$GBEXTRACT_MODELS`` again (after a change to it in this process)."""
    models_dir.cache_clear()
    lexicon_dir.cache_clear()


def pipeline_config(models: Path | None = None) -> Config:
    """``models/pipeline.cfg`` with ``${paths.models}`` set to the models folder."""
    from thinc.api import Config

    base = models or models_dir()
    return Config().from_disk(base / "pipeline.cfg", overrides={"paths.models": str(base)})
