"""The annotation pipeline's rule components, one per module, each registered by name with spaCy
(``@Language.factory`` / ``@Language.component``, and the ``spacy_factories`` entry points in
``pyproject.toml``) and configured in ``models/pipeline.cfg``:

gb_normalize, gb_persons, gb_gazetteer, gb_acronyms, gb_unit_patterns, gb_model_ner, gb_organizations,
gb_dates, gb_amounts, gb_resolve.
"""
