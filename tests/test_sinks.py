"""Flink's print format."""

import datetime as dt

import pytest

from bailian_assets.executor.sinks import format_row, java_double


@pytest.mark.parametrize(
    "value, text",
    [
        (1.0, "1.0"),
        (0.5, "0.5"),
        (123456.75, "123456.75"),
        (1e7, "1.0E7"),
        (12345678.9, "1.23456789E7"),
        (1e-4, "1.0E-4"),
        (0.0, "0.0"),
        (-2.5e-5, "-2.5E-5"),
        (float("nan"), "NaN"),
        (float("inf"), "Infinity"),
    ],
)
def test_java_double(value, text):
    assert java_double(value) == text


def test_row_format():
    row = (1, "好東西", None, True, [0.5, 1.0], dt.date(2025, 1, 2))
    assert format_row(row) == "+I[1, 好東西, null, true, [0.5, 1.0], 2025-01-02]"
    assert format_row((1,), identifier="sink") == "sink> +I[1]"
