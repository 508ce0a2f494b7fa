"""Where the project's data lives: ``models/`` (rules, gazetteers, pipeline config)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from thinc.api import Config


def models_dir() -> Path:
    """``$GBEXTRACT_MODELS`` if set, else the ``models/`` folder beside the package."""
    configured = os.environ.get("GBEXTRACT_MODELS")
    return Path(configured) if configured else Path(__file__).resolve().parent.parent / "models"


def pipeline_config(models: Path | None = None) -> Config:
    """``models/pipeline.cfg`` with ``${paths.models}`` set to the models folder."""
    from thinc.api import Config

    base = models or models_dir()
    return Config().from_disk(base / "pipeline.cfg", overrides={"paths.models": str(base)})
