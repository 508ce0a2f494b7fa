"""Where the project's data lives: ``models/`` (rules, gazetteers, pipeline config)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from thinc.api import Config


def models_dir() -> Path:
    """``$GBEXTRACT_MODELS`` if set, else the ``models/`` folder beside the package."""
    return _models_dir(os.environ.get("GBEXTRACT_MODELS", ""))


def lexicon_dir() -> str:
    """``models/lexicon``, as the key the lexicon's caches are kept under (rules ask for it per token)."""
    return _lexicon_dir(os.environ.get("GBEXTRACT_MODELS", ""))


@lru_cache(maxsize=8)
def _models_dir(configured: str) -> Path:
    return Path(configured) if configured else Path(__file__).resolve().parent.parent / "models"


@lru_cache(maxsize=8)
def _lexicon_dir(configured: str) -> str:
    return str(_models_dir(configured) / "lexicon")


def pipeline_config(models: Path | None = None) -> Config:
    """``models/pipeline.cfg`` with ``${paths.models}`` set to the models folder."""
    from thinc.api import Config

    base = models or models_dir()
    return Config().from_disk(base / "pipeline.cfg", overrides={"paths.models": str(base)})
