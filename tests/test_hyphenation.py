from __future__ import annotations

import pytest

from extractor.layout.hyphenation import Vocabulary, join_line, keep_hyphen


@pytest.mark.parametrize(("left", "right", "joined"), [
    ("Multinational Enter-", "prises, summarizes", "Multinational Enterprises, summarizes"),
    ("addressing labour-", "related concerns", "addressing labour-related concerns"),
    ("enhance enterprise-", "level economic", "enhance enterprise-level economic"),
    ("EMP/ENTER-", "PRISE and TRAVAIL", "EMP/ENTERPRISE and TRAVAIL"),
    ("attended: ACT/", "EMP, ED/NORM", "attended: ACT/EMP, ED/NORM"),
    ("principles of non-", "discrimination", "principles of non-discrimination"),
    ("global stake-", "holder engagement", "global stakeholder engagement"),
    ("its start-", "up phase", "its start-up phase"),
    ("done with-", "out delay", "done without delay"),
    ("the labour-re-", "lated concerns", "the labour-related concerns"),
    ("for public–", "private partnerships", "for public–private partnerships"),
    ("period 2005 –", "06 was", "period 2005 – 06 was"),
    ("held in Oc-", "tober 2006", "held in October 2006"),
    ("ends here.", "Next one", "ends here. Next one"),
])
def test_join_line(left: str, right: str, joined: str) -> None:
    assert join_line(left, right, Vocabulary()) == joined


def test_document_usage_settles_the_break() -> None:
    assert keep_hyphen("ITC", "ILO", Vocabulary(["courses of the ITC-ILO in Turin"]))
    assert not keep_hyphen("co", "operation", Vocabulary(["closer cooperation with"]))
    assert keep_hyphen("co", "operation", Vocabulary())  # the domain list: ILO English writes co-operation
    # a name keeps its own spelling even when the text elsewhere writes the common word joined
    assert keep_hyphen("Co", "operation", Vocabulary(["closer cooperation with"]))


def test_a_word_broken_at_the_end_of_a_line_is_no_evidence() -> None:
    vocabulary = Vocabulary(["the capacity of Enter-", "prises to grow"])
    assert "Enter" not in vocabulary
    assert "prises" in vocabulary
