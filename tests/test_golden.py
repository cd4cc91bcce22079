"""Golden cases whose expectations real Apache Flink 2.3 produced (tests/golden/README.md).

One test per case: the case runs through bailian-assets in-process and must give Flink's
verdict (and Flink's rows, in order, for accepted cases). Cases listed in
tests/golden/KNOWN_FAILURES are strict xfails: one that starts passing fails the suite until it
is taken off the list, so the list only shrinks. Cases listed in tests/golden/DIVERGENCES are
deliberate divergences from Flink: they must give our own expectation (`<name>.ours.out`).
"""

import pytest

from golden_harness import all_cases, compare, divergences, known_failures

CASES = all_cases()
KNOWN = known_failures()


def _param(case):
    marks = []
    if case.id in KNOWN:
        marks.append(pytest.mark.xfail(strict=True, reason=KNOWN[case.id] or "known failure"))
    return pytest.param(case, id=case.id, marks=marks)


def test_every_case_has_flinks_expectation():
    missing = [c.id for c in CASES if not c.expected_path.exists()]
    assert not missing, f"no .flink.out (run tests/golden/regenerate --missing): {missing}"


def test_known_failures_name_existing_cases():
    ids = {c.id for c in CASES}
    stale = sorted(set(KNOWN) - ids)
    assert not stale, f"KNOWN_FAILURES names cases that do not exist: {stale}"


def test_divergences_name_existing_cases_with_our_expectation():
    by_id = {c.id: c for c in CASES}
    listed = divergences()
    assert not sorted(set(listed) - set(by_id)), "DIVERGENCES names cases that do not exist"
    missing = [i for i in listed if not by_id[i].ours_path.exists()]
    assert not missing, f"deliberate divergences without a .ours.out: {missing}"
    assert all(listed.values()), "every deliberate divergence says why"
    assert not set(listed) & set(KNOWN), "a case is either a known failure or a divergence"


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_golden(case):
    result = compare(case)
    assert result.agree, (
        f"{case.id}: {result.reason}\n--- Flink 2.3:\n{result.expected.render()}\n"
        f"--- bailian-assets:\n{result.ours.render()}"
    )
