"""Where the project's data lives: ``models/`` (rules, gazetteers, pipeline config)."""

from __future__ import annotations

import os
from pathlib import Path


def models_dir() -> Path:
    """``$GBEXTRACT_MODELS`` if set, else the ``models/`` folder beside the package."""
    configured = os.environ.get("GBEXTRACT_MODELS")
    return Path(configured) if configured else Path(__file__).resolve().parent.parent / "models"
