"""The spaCy pipeline assembled from ``models/pipeline.cfg``, and its use on a paper's segments."""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from thinc.api import Config

from extractor.annotate import components
from extractor.annotate.gazetteers import load_knowledge
from extractor.annotate.mentions import mentions_of
from extractor.annotate.paper_acronyms import build_context
from extractor.model import ANNOTATED_KINDS, Mention, Segment
from extractor.resources import models_dir, pipeline_config


class ModelNotInstalled(RuntimeError):
    pass


def register_components() -> None:
    """Import every module of ``extractor.annotate.components`` so that its factory is registered.

    An installed package registers them through its ``spacy_factories`` entry points too; this makes a
    checkout on ``PYTHONPATH`` work the same."""
    for module in pkgutil.iter_modules(components.__path__):
        importlib.import_module(f"{components.__name__}.{module.name}")


@lru_cache(maxsize=2)
def load_pipeline(models: str | None = None, model_name: str | None = None) -> Language:
    """The spaCy pipeline: a statistical English model plus the rule components, loaded once per process."""
    register_components()
    base = Path(models) if models else models_dir()
    config = pipeline_config(base)
    nlp = _load_model([model_name] if model_name else list(config["model"]["names"]), config)
    for name in config["nlp"]["pipeline"]:
        settings = dict(config["components"][name])
        nlp.add_pipe(settings.pop("factory"), name=name, config=settings)
    nlp.batch_size = int(config["nlp"]["batch_size"])
    return nlp


def _load_model(names: list[str], config: Config) -> Language:
    for name in names:
        try:
            nlp = spacy.load(name, exclude=list(config["model"]["exclude"]))
        except OSError:
            continue
        for disabled in config["model"]["disabled"]:
            if disabled in nlp.pipe_names:
                nlp.disable_pipe(disabled)
        return nlp
    raise ModelNotInstalled(f"no spaCy model among {names} is installed: run ./scripts/setup")


def annotate_segments(nlp: Language, segments: list[Segment], models: str | None = None) -> list[Mention]:
    """Every mention in a paper's segments; acronyms defined anywhere in the paper hold in all of them."""
    chosen = [s for s in segments if s.kind in ANNOTATED_KINDS and s.text.strip()]
    context = build_context([s.text for s in chosen], load_knowledge(models))
    docs = []
    for segment in chosen:
        doc = nlp.make_doc(segment.text)
        doc._.gb_context = context
        docs.append(doc)
    mentions: list[Mention] = []
    for segment, doc in zip(chosen, nlp.pipe(docs, batch_size=nlp.batch_size), strict=True):
        mentions.extend(mentions_of(doc, segment))
    return mentions
