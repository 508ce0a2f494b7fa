"""Comparing successive GB papers: ``papers`` (the papers, one per symbol) -> ``series`` (grouped by body and
subject) -> ``changes`` (entities new, dropped, continuing, returning; the matrix) and ``values`` (numbers
that recur) -> ``comparison`` (all of it) -> ``report`` (changes.csv, matrix.csv, series.csv, report.html).
"""

from extractor.compare.comparison import Comparison, compare, compare_papers
from extractor.compare.papers import load_papers, one_render_per_symbol, papers_from

__all__ = ["Comparison", "compare", "compare_papers", "load_papers", "one_render_per_symbol", "papers_from"]
