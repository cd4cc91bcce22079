"""LIKE (`executor/functions/operators.like`): string tests for the patterns that are one text
between `%`s, an end-anchored regex for the rest; each pattern agrees with a reference
matcher on texts built to hit every piece, NULL included."""

import random
import re

import polars as pl
import pytest

from bailian_assets.executor.functions.operators import like, like_pieces

ALPHABET = "ab%_!\n"


def reference(text: str | None, pattern: str, escape: str | None) -> bool | None:
    """LIKE by Python's `re.fullmatch`, one character at a time: `%` any run, line breaks
    too; `_` one character but a line terminator (Flink 2.3, through the oracle)."""
    if text is None:
        return None
    out, chars = [], iter(pattern)
    for ch in chars:
        if ch == escape:
            out.append(re.escape(next(chars)))
        else:
            out.append("(?s:.*)" if ch == "%" else "[^\n\r]" if ch == "_" else re.escape(ch))
    return re.fullmatch("".join(out), text) is not None


TEXTS = ["", "a", "b", "ab", "ba", "aab", "%", "_", "a%b", "a_b", "!", "a\nb", "abab", None]
PATTERNS = [
    *("", "%", "%%", "_", "a", "a%", "%a", "%a%", "%ab%", "a%b", "a_b", "_%", "%_", "%_%"),
    *("ab", "a%%b", "%a%b%", "!%", "a!%", "%!_%", "!!%", "%a!%b%", "a\nb", "%\n%"),
]


@pytest.mark.parametrize("pattern", PATTERNS)
@pytest.mark.parametrize("escape", [None, "!"])
def test_each_pattern_agrees_with_a_reference_matcher(pattern, escape):
    if escape is None and "!" in pattern:
        pattern = pattern.replace("!", "")
    frame = pl.DataFrame({"t": TEXTS}, schema={"t": pl.String})
    got = frame.select(like(pl.col("t"), pattern, escape)).to_series().to_list()
    assert got == [reference(t, pattern, escape) for t in TEXTS], pattern


def test_random_patterns_agree_with_the_reference():
    rng = random.Random(3)
    texts = ["".join(rng.choice("ab%_\n") for _ in range(rng.randint(0, 5))) for _ in range(40)]
    frame = pl.DataFrame({"t": texts})
    for _ in range(300):
        pattern = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 6)))
        if re.search(r"!(?![%_!])|!$", pattern.replace("!!", "")):
            continue  # an escape before anything else is Flink's error (below)
        got = frame.select(like(pl.col("t"), pattern, "!")).to_series().to_list()
        assert got == [reference(t, pattern, "!") for t in texts], pattern


def test_pieces_merge_percent_runs_and_keep_escaped_wildcards_as_text():
    assert like_pieces("%%a!%b__%", "!") == [
        ("%", "%"),
        ("text", "a%b"),
        ("_", "_"),
        ("_", "_"),
        ("%", "%"),
    ]
    assert like_pieces("!%", "!") == [("text", "%")]
    with pytest.raises(ValueError, match="Invalid escape sequence"):
        like_pieces("a!x", "!")


def test_the_common_shapes_are_string_tests_not_regexes():
    shown = {p: str(like(pl.col("t"), p)) for p in ("abc%", "%abc", "%abc%", "abc", "%a%b%")}
    assert "starts_with" in shown["abc%"] and "ends_with" in shown["%abc"]
    assert "contains" in shown["%abc%"] and "^" not in shown["%abc%"]
    assert "contains" not in shown["abc"]
    assert "(?s)a.*b" in shown["%a%b%"]
