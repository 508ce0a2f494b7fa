"""The annotation pipeline, assembled from ``models/pipeline.cfg``, and its use on a paper."""

from __future__ import annotations

import importlib
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from thinc.api import Config

from extractor.annotate.context import build_context
from extractor.annotate.knowledge import load_knowledge
from extractor.annotate.mentions import Mention, mentions_of
from extractor.model import Segment
from extractor.resources import models_dir

COMPONENT_MODULES = ["normalizer", "persons", "gazetteer", "acronyms", "unit_patterns", "model_ner", "organizations",
                     "dates", "amounts", "resolve"]
ANNOTATED_KINDS = {"site", "title", "summary", "heading", "paragraph", "item", "table", "footnote", "closing",
                   "appendix"}


class ModelNotInstalled(RuntimeError):
    pass


def _register_components() -> None:
    for module in COMPONENT_MODULES:
        importlib.import_module(f"extractor.annotate.{module}")


@lru_cache(maxsize=2)
def load_pipeline(models: str | None = None, model_name: str | None = None) -> Language:
    """The spaCy pipeline: a statistical English model plus the rule components, loaded once per process."""
    _register_components()
    base = Path(models) if models else models_dir()
    config = Config().from_disk(base / "pipeline.cfg")
    names = [model_name] if model_name else list(config["model"]["names"])
    nlp = None
    for name in names:
        try:
            nlp = spacy.load(name, exclude=list(config["model"]["exclude"]))
            break
        except OSError:
            continue
    if nlp is None:
        raise ModelNotInstalled(f"no spaCy model among {names} is installed: run ./scripts/setup")
    model_ner = config["pipeline"].get("model_ner", "")
    if model_ner and model_ner in nlp.pipe_names:
        nlp.disable_pipe(model_ner)  # gb_model_ner runs it where it is needed
    for component in config["pipeline"]["components"]:
        settings = dict(config["components"].get(component, {}))
        if "models" in settings and not settings["models"]:
            settings["models"] = str(base)
        nlp.add_pipe(component, config=settings)
    nlp.batch_size = int(config["pipeline"].get("batch_size", 64))
    return nlp


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
