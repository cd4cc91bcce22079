"""Dagster's BetaWarnings: the one the project's definitions cause is silenced, narrowly."""

import warnings

import dagster as dg
import yaml
from dagster.components.testing import create_defs_folder_sandbox

from conftest import ROOT


def _beta_messages(call) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    return [str(w.message) for w in caught if issubclass(w.category, dg.BetaWarning)]


def test_the_checks_execution_type_warning_is_silenced_and_no_other():
    def load_and_read_checks_back():  # what `dg launch` and a code server do
        with create_defs_folder_sandbox() as sandbox:
            folder = sandbox.defs_folder_path / "bailian"
            folder.mkdir()
            (folder / "defs.yaml").write_text(
                yaml.safe_dump(
                    {
                        "type": "bailian_assets.FlinkSqlComponent",
                        "attributes": {"sql_dir": str(ROOT / "sql")},
                    }
                )
            )
            with sandbox.build_all_defs() as defs:
                # the stored sink's checks, that run alone, come back from the component
                assert defs.get_repository_def().asset_checks_defs_by_key

    assert not [m for m in _beta_messages(load_and_read_checks_back) if "execution_type" in m]
    # Dagster's other beta warnings still show, from any module
    others = _beta_messages(lambda: dg.AssetSelection.groups("movies", include_sources=True))
    assert any("include_sources" in m for m in others)
