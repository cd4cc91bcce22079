"""A print sink's few rows are formatted one by one in Python, many rows column-wise by Polars:
the lines are the same either way."""

import polars as pl
import pytest
from test_print_format import _frame, _table

from bailian_assets.executor import sinks
from bailian_assets.executor.sinks import format_row, print_lines

FEW = sinks._FEW_VALUES // 7  # rows of the 7 columns of `_frame` formatted in Python


@pytest.mark.parametrize("rows", [0, 1, FEW, FEW + 1, 60])
@pytest.mark.parametrize("options", [{}, {"print-identifier": "p", "sink.parallelism": 2}])
def test_the_lines_are_the_same_however_many_rows(rows, options):
    frame, types = _frame()
    frame = frame.head(rows)
    table = _table(types, options)
    column_types = tuple(t for _, t in types)
    subtasks = int(options.get("sink.parallelism", 1))
    expected = []
    for subtask in range(subtasks):
        prefix = options.get("print-identifier")
        if subtasks > 1:
            prefix = f"{prefix}:{subtask + 1}" if prefix else str(subtask + 1)
        part = frame.gather_every(subtasks, offset=subtask)
        expected += [format_row(r, prefix, column_types=column_types) for r in part.iter_rows()]
    assert list(print_lines(table, frame)) == expected


def test_a_few_rows_need_no_query_plan(monkeypatch):
    def refused(*args, **kwargs):
        raise AssertionError("a query plan for a few rows")

    monkeypatch.setattr(pl.DataFrame, "select", refused)
    frame = pl.DataFrame({"a": [1, None], "b": [0.5, 1e7], "c": ["x", "y"]})
    lines = list(print_lines(_table([]), frame))
    assert lines == ["+I[1, 0.5, x]", "+I[null, 1.0E7, y]"]
