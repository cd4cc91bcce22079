"""The tokenizer: tokens made a chunk at a time, positions made when asked for, and text that
is no token reported only after the tokens before it (so their syntax errors come too). Also
how the parser reads it: chunk by chunk, with the cycle collector paused."""

import gc

import pytest

from bailian_assets.errors import Position, SqlError
from bailian_assets.sql import tokenizer
from bailian_assets.sql.parser import parse_query, parse_script
from bailian_assets.sql.tokenizer import Kind, TokenizeError, token_chunks, tokenize

MIXED = (
    "SELECT 'a\r\nb' AS s, -- note\r\n  x /* one\r two\n */ , `q``x`, U&'\\0041'\n"
    "FROM t WHERE a <> 1.5e3 AND b || 'it''s' = .5;\rSELECT 名字 FROM t"
)


def _flat(tokens):
    return [(t.kind, t.text, t.value, t.upper, t.position, t.end) for t in tokens]


@pytest.mark.parametrize("size", [1, 2, 3, 7, 512])
def test_chunks_of_any_size_make_the_same_tokens(size):
    chunks = list(token_chunks(MIXED, size))
    assert all(0 < len(chunk) <= size for chunk in chunks)
    flat = [token for chunk in chunks for token in chunk]
    assert _flat(flat) == _flat(tokenize(MIXED))
    assert flat[-1].kind is Kind.EOF and sum(t.kind is Kind.EOF for t in flat) == 1


def test_positions_count_lines_at_crlf_cr_and_lf_only():
    at = {(t.text, t.position.line): t.position for t in tokenize(MIXED)}
    assert at["'a\r\nb'", 1] == Position(1, 8, 7)
    assert at["AS", 2] == Position(2, 4, 14)  # \r\n inside the string: one break
    assert at["x", 3] == Position(3, 3, 31)  # after the line comment's \r\n
    assert at["`q``x`", 5] == Position(5, 7, 51)  # \r and \n inside the comment: two breaks
    assert at["FROM", 6] == Position(6, 1, 69)
    assert at["名字", 7] == Position(7, 8, 123)  # after a lone \r
    values = {t.text: t.value for t in tokenize(MIXED)}
    assert values["U&'\\0041'"] == "A" and values["`q``x`"] == "q`x"
    eof = tokenize("SELECT 1\n  ")[-1]
    assert eof.kind is Kind.EOF and eof.position == Position(2, 3, 11)


def test_keyword_form_only_for_bare_identifiers():
    select, quoted, string, number, op, eof = tokenize("sElEcT `from` 'where' 1 ;")
    assert (select.upper, quoted.upper, string.upper, number.upper, op.upper) == (
        "SELECT",
        "",
        "",
        "",
        "",
    )
    assert eof.upper == ""


@pytest.mark.parametrize(
    ("text", "message", "where", "length"),
    [
        ("SELECT 1 /* open", "unterminated comment", Position(1, 10, 9), 2),
        ("SELECT 1 /* a */ \n /* open", "unterminated comment", Position(2, 2, 19), 2),
        ("SELECT 'open", "unterminated string literal", Position(1, 8, 7), 1),
        ("SELECT\n `open", "unterminated quoted identifier", Position(2, 2, 8), 1),
        ("SELECT -- c\n  #", "unexpected character '#'", Position(2, 3, 14), 1),
        ("SELECT U&'\\zz'", "Unicode escape sequence starting at character 1", None, 3),
    ],
)
def test_text_that_is_no_token(text, message, where, length):
    with pytest.raises(TokenizeError) as caught:
        tokenize(text)
    assert caught.value.message.startswith(message) and caught.value.length == length
    if where is not None:
        assert caught.value.position == where


def test_the_tokens_before_a_bad_character_come_first_in_their_own_chunk():
    chunks = token_chunks("SELECT a, b #", 512)
    assert [t.text for t in next(chunks)] == ["SELECT", "a", ",", "b"]
    with pytest.raises(TokenizeError, match="unexpected character '#'"):
        next(chunks)


def test_syntax_errors_before_a_bad_character_far_into_the_file_are_reported(monkeypatch):
    """The parser reads the file a chunk at a time: the errors of statements before a
    character no token can start with come first, however many chunks before it they are."""
    monkeypatch.setattr(tokenizer, "CHUNK", 3)  # many chunk boundaries in a short file
    text = "SELECT FROM t;\n" + "SELECT a FROM t;\n" * 5 + "CREATE x;\nSELECT # FROM t;\nSELECT"
    with pytest.raises(SqlError) as caught:
        parse_script(text, "job.sql")
    lines = [d.format().splitlines()[0] for d in caught.value.diagnostics]
    assert lines == [
        "job.sql:1:8: error: expected an expression, found 'FROM'",
        "job.sql:7:8: error: expected MODEL, TABLE or VIEW, found 'x'",
        "job.sql:8:8: error: unexpected character '#'",
    ]


def test_a_long_script_parses_the_same_whatever_the_chunk_size(monkeypatch):
    text = ";\n".join(f"SELECT a{i}, 'x{i}' FROM t WHERE b = {i}" for i in range(200))
    whole = parse_script(text, "job.sql")
    monkeypatch.setattr(tokenizer, "CHUNK", 2)
    assert parse_script(text, "job.sql") == whole
    assert whole.spans[-1][0] == text.rindex("SELECT")


@pytest.mark.parametrize("enabled", [True, False])
def test_parsing_leaves_the_cycle_collector_as_it_found_it(enabled):
    """Parsing pauses Python's cycle collector (it makes thousands of objects and no cycles)
    and resumes it after, errors or not; a caller that paused it keeps it paused."""
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        parse_script("SELECT a FROM t", "job.sql")
        assert gc.isenabled() is enabled
        with pytest.raises(SqlError):
            parse_script("SELECT FROM", "job.sql")
        assert gc.isenabled() is enabled
        with pytest.raises(SqlError):
            parse_query("SELECT 'open", "job.sql")
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
